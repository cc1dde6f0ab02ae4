package io.balance.school.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo files are generated, never edited by hand. {@code -Dbalance.demo.write=true} (re)writes them;
 * otherwise this test fails when the committed files differ from what the generator makes.
 *
 * <pre>./mvnw -B -pl school-service -am test -Dtest=DemoFilesTest -Dbalance.demo.write=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class DemoFilesTest {
    static Path demoDirectory() {
        return Path.of(System.getProperty("balance.repo.root", "..")).resolve("demo");
    }

    @Test
    void committedDemoFilesMatchTheGenerator() throws IOException {
        Path demo = demoDirectory();
        Map<String, String> files = DemoFiles.render();
        boolean write = Boolean.getBoolean("balance.demo.write");
        for (var e : files.entrySet()) {
            Path file = demo.resolve(e.getKey());
            if (write) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            } else {
                assertEquals(e.getValue(), Files.readString(file, StandardCharsets.UTF_8),
                        file + " differs from the generator; regenerate with -Dbalance.demo.write=true");
            }
        }
    }
}
