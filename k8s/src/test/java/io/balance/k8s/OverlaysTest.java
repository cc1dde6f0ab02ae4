package io.balance.k8s;

import io.balance.k8s.check.Checks;
import io.balance.k8s.check.Doc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay renders with kustomize and passes every check (schemas, policies, wiring, network). */
class OverlaysTest {

    static List<Path> overlays() throws Exception {
        return RenderedOverlays.overlays();
    }

    @Test
    void devAndProdOverlaysExist() throws Exception {
        List<String> names = overlays().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("dev", "prod")), names.toString());
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void overlayPassesEveryCheck(Path overlay) throws Exception {
        List<Doc> docs = RenderedOverlays.render(overlay);
        Map<String, Long> kinds = docs.stream().collect(Collectors.groupingBy(Doc::kind, TreeMap::new, Collectors.counting()));
        System.out.println("overlays/" + overlay.getFileName() + " (" + RenderedOverlays.rendererName() + "): " + kinds);
        assertEquals(List.of(), Checks.all(docs), "violations in overlays/" + overlay.getFileName());
        // Sanity of the check itself: it looked at the whole platform.
        assertEquals(5L, kinds.get("Deployment"));
        assertEquals(5L, kinds.get("Cluster"));
        assertEquals((long) io.balance.k8s.check.KafkaAcls.topics().size(), kinds.get("KafkaTopic"));
        assertEquals(5L, kinds.get("KafkaUser")); // the four services and the gateway
    }
}
