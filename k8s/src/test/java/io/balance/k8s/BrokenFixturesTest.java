package io.balance.k8s;

import io.balance.k8s.check.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each fixture in src/test/fixtures is the production overlay with one deliberate defect; the checks must
 * report it (every line of its expect.txt appears in some violation). A check that cannot fail is worthless.
 */
class BrokenFixturesTest {

    static List<Path> fixtures() throws Exception {
        return RenderedOverlays.fixtures();
    }

    @Test
    void thereAreEnoughFixtures() throws Exception {
        assertTrue(fixtures().size() >= 15, "fixtures: " + fixtures());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void defectIsReported(Path fixture) throws Exception {
        List<String> violations = Checks.all(RenderedOverlays.render(fixture));
        List<String> expected = Files.readAllLines(fixture.resolve("expect.txt")).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(!expected.isEmpty(), "empty expect.txt");
        for (String e : expected) {
            if (violations.stream().noneMatch(v -> v.contains(e))) {
                fail(fixture.getFileName() + ": expected a violation containing\n  " + e + "\nbut got\n  "
                        + String.join("\n  ", violations));
            }
        }
        System.out.println(fixture.getFileName() + " -> " + violations);
    }
}
