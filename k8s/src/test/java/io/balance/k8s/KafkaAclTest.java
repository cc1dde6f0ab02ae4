package io.balance.k8s;

import io.balance.k8s.check.Doc;
import io.balance.k8s.check.KafkaAcls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * From the rendered manifests, the exact write and read permissions of every Kafka identity: no service may write
 * another's topic (the survey-service that faces the internet cannot forge a school.reports.v1 approval), and
 * each reads only what it consumes.
 */
class KafkaAclTest {

    static List<Path> overlays() throws Exception {
        return RenderedOverlays.overlays();
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void eachServiceWritesOnlyItsOwnTopics(Path overlay) throws Exception {
        List<Doc> docs = RenderedOverlays.render(overlay);
        Map<String, Set<String>> writers = KafkaAcls.writers(docs);
        Map<String, Set<String>> owners = new TreeMap<>();
        for (String topic : KafkaAcls.topics()) {
            owners.computeIfAbsent(KafkaAcls.owner(topic), o -> new TreeSet<>()).add(topic);
        }
        assertEquals(owners, writers, "KafkaUser -> topics it may write");
        assertEquals(Set.of("school.jurisdictions.v1", "school.registry.v1", "school.reports.v1"), writers.get("school-service"));
        assertEquals(Set.of("gateway.revocations.v1"), writers.get("gateway"), "the gateway writes its revocations only");
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void eachServiceReadsOnlyWhatItConsumes(Path overlay) throws Exception {
        Map<String, Set<String>> readers = KafkaAcls.readers(RenderedOverlays.render(overlay));
        Set<String> school = Set.of("school.jurisdictions.v1", "school.registry.v1", "school.reports.v1");
        // every service checks tokens against the gateway's revocations; the gateway keeps its own list and reads none
        Set<String> revocations = Set.of("gateway.revocations.v1");
        assertEquals(revocations, readers.get("school-service"));
        assertEquals(union(school, Set.of("survey.results.v1", "supervision.reviews.v1", "gateway.revocations.v1")),
                readers.get("indicator-service"));
        assertEquals(union(Set.of("school.jurisdictions.v1", "school.registry.v1"), revocations), readers.get("survey-service"));
        assertEquals(union(school, Set.of("indicator.evaluations.v1", "gateway.revocations.v1")), readers.get("supervision-service"));
        assertEquals(Set.of(), readers.get("gateway"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
