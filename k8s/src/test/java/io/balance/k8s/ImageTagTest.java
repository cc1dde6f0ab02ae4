package io.balance.k8s;

import io.balance.k8s.check.Doc;
import io.balance.k8s.check.WiringChecks;
import io.balance.k8s.images.ImageBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The manifests deploy exactly the images the build produces (k8s/pom.xml image.repository, image.tag). */
class ImageTagTest {
    private static final String TAG = System.getProperty("balance.image.tag");
    private static final String REPOSITORY = System.getProperty("balance.image.repository");

    @Test
    @SuppressWarnings("unchecked")
    void baseKustomizationPinsTheBuiltTag() throws Exception {
        assertNotNull(TAG, "run through Maven (surefire passes balance.image.tag)");
        Map<String, Object> k = Doc.YAML.readValue(Files.readString(RenderedOverlays.K8S.resolve("base/kustomization.yaml")), Map.class);
        List<Map<String, Object>> images = (List<Map<String, Object>>) k.get("images");
        for (WiringChecks.Service s : WiringChecks.SERVICES) {
            String built = ImageBuilder.reference(REPOSITORY, s.name(), TAG);
            Map<String, Object> entry = images.stream().filter(i -> (REPOSITORY + "/" + s.name()).equals(i.get("name")))
                    .findFirst().orElse(null);
            assertNotNull(entry, "base/kustomization.yaml images: no entry for " + built);
            assertEquals(built, entry.get("name") + ":" + entry.get("newTag"),
                    "base/kustomization.yaml images must carry the tag the build gives the image");
        }
    }

    @Test
    void everyOverlayDeploysTheBuiltTag() throws Exception {
        for (var overlay : RenderedOverlays.overlays()) {
            for (Doc d : RenderedOverlays.render(overlay)) {
                if (d.is("Deployment")) {
                    String image = String.valueOf(d.list("spec.template.spec.containers").get(0).get("image"));
                    assertEquals(true, image.endsWith("/" + d.name() + ":" + TAG) || image.contains("@sha256:"),
                            overlay.getFileName() + " " + d.id() + " deploys " + image + ", the build tags " + TAG);
                }
            }
        }
    }
}
