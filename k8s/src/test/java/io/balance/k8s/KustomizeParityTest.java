package io.balance.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.balance.k8s.check.Doc;
import io.balance.k8s.check.MiniKustomize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fallback renderer must produce exactly what the real kustomize produces (same objects, same generated
 * names, same values) for every overlay and fixture; otherwise a machine without kustomize would check
 * something else than what gets deployed. Needs a real kustomize (always in CI).
 */
class KustomizeParityTest {
    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    static Stream<Path> kustomizations() throws Exception {
        return Stream.concat(RenderedOverlays.overlays().stream(), RenderedOverlays.fixtures().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void miniKustomizeRendersLikeKustomize(Path dir) throws Exception {
        List<Doc> real = Doc.parseAll(RenderedOverlays.kustomize().render(dir));
        List<Doc> mini = MiniKustomize.render(dir);
        List<String> expected = normalise(real);
        List<String> actual = normalise(mini);
        if (!expected.equals(actual)) { // keep both for `diff -u target/parity/<name>.kustomize target/parity/<name>.mini`
            Path out = java.nio.file.Files.createDirectories(RenderedOverlays.K8S.resolve("target/parity"));
            java.nio.file.Files.writeString(out.resolve(dir.getFileName() + ".kustomize"), String.join("\n", expected));
            java.nio.file.Files.writeString(out.resolve(dir.getFileName() + ".mini"), String.join("\n", actual));
        }
        assertEquals(expected, actual, "mini-kustomize differs from " + RenderedOverlays.kustomize().describe()
                + " on " + RenderedOverlays.K8S.relativize(dir));
    }

    private static List<String> normalise(List<Doc> docs) throws Exception {
        List<String> out = new ArrayList<>();
        for (Doc d : docs.stream().sorted(Comparator.comparing(d -> d.apiVersion() + "/" + d.id() + "/" + d.namespace())).toList()) {
            JsonNode tree = SORTED.readTree(SORTED.writeValueAsString(d.tree()));
            out.add(SORTED.writerWithDefaultPrettyPrinter().writeValueAsString(SORTED.treeToValue(tree, Object.class)));
        }
        return out;
    }
}
