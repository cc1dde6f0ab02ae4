package io.balance.k8s;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed manifests themselves: no Secret values, no secret generators, no plain-text keys. */
class SourcesTest {
    private static final Pattern SECRET_KIND = Pattern.compile("(?m)^kind:\\s*Secret\\s*$");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----");

    @Test
    void noSecretValuesInTheManifests() throws Exception {
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(RenderedOverlays.K8S.resolve("base")),
                Files.walk(RenderedOverlays.K8S.resolve("overlays")))) {
            offenders = files.filter(Files::isRegularFile).filter(p -> {
                try {
                    String s = Files.readString(p);
                    return SECRET_KIND.matcher(s).find() || PEM.matcher(s).find() || s.contains("secretGenerator");
                } catch (Exception e) {
                    return true;
                }
            }).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders, "Secrets are referenced by name and created at deploy time (README)");
    }
}
