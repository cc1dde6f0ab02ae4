package io.balance.k8s;

import io.balance.k8s.check.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the configuration reader finds a service cannot start without: on the real services and on a made-up one. */
class ServiceConfigTest {
    private static final Path REPO = RenderedOverlays.K8S.getParent();

    private static List<String> envs(Path module) {
        return ServiceConfig.required(module).stream().map(ServiceConfig.Requirement::env).toList();
    }

    @Test
    void theRealServicesRequirements() {
        assertTrue(envs(REPO.resolve("survey-service")).contains("BALANCE_SURVEY_SECRET"), envs(REPO.resolve("survey-service")).toString());
        // the gateway reads balance.admin.password as an Optional and refuses to start without it outside dev/test:
        // invisible to this reader, so WiringChecks requires BALANCE_ADMIN_PASSWORD from a Secret by name
        // BALANCE_PUBLIC_URL has a default (http://localhost:8080): not required, checked by WiringChecks instead
        assertTrue(!envs(REPO.resolve("survey-service")).contains("BALANCE_PUBLIC_URL"));
    }

    @Test
    void expressionsPropertiesAndMappings(@TempDir Path module) throws Exception {
        Path res = Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(res.resolve("application.properties"), String.join("\n",
                "a.required=${NEEDED_ONE}",
                "a.defaulted=${HAS_DEFAULT:x}",
                "a.nested=prefix-${NEEDED_TWO}-${OPTIONAL:y}",
                "%test.a.only-in-test=${TEST_ONLY}",
                "b.set-here=1",
                ""));
        Path src = Files.createDirectories(module.resolve("src/main/java/x"));
        Files.writeString(src.resolve("Bean.java"), """
                class Bean {
                    @ConfigProperty(name = "b.set-here") int set;
                    @ConfigProperty(name = "b.missing") String missing;
                    @ConfigProperty(name = "b.default", defaultValue = "3") int withDefault;
                    @ConfigProperty(name = "b.optional") Optional<String> optional;
                    @ConfigProperty(name = "b.list") List<String> list;
                }
                """);
        Files.writeString(src.resolve("Mapping.java"), """
                @ConfigMapping(prefix = "c")
                public interface Mapping {
                    @WithDefault("5")
                    int defaulted();
                    Duration pollInterval();
                    Optional<String> maybe();
                    @WithName("key.location")
                    String keyLocation();
                    Group group();
                    interface Group {
                        String url();
                        @WithDefault("x")
                        String name();
                    }
                }
                """);
        assertEquals(List.of("NEEDED_TWO", "NEEDED_ONE", "B_MISSING", "B_LIST", "C_POLL_INTERVAL", "C_KEY_LOCATION",
                "C_GROUP_URL"), envs(module));
    }
}
