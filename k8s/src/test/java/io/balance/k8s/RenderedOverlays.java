package io.balance.k8s;

import io.balance.k8s.check.Doc;
import io.balance.k8s.check.Kustomize;
import io.balance.k8s.check.MiniKustomize;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Renders kustomizations once per test run; locates the module directory. */
final class RenderedOverlays {
    static final Path K8S = Path.of(System.getProperty("balance.k8s.dir", ".")).toAbsolutePath().normalize();
    private static final Map<Path, List<Doc>> CACHE = new ConcurrentHashMap<>();
    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.find();
    private static volatile boolean warned;
    private static volatile boolean warnedFallback;

    private RenderedOverlays() {
    }

    static List<Path> overlays() throws Exception {
        try (Stream<Path> s = Files.list(K8S.resolve("overlays"))) {
            return s.filter(p -> Files.exists(p.resolve("kustomization.yaml"))).sorted().toList();
        }
    }

    static List<Path> fixtures() throws Exception {
        try (Stream<Path> s = Files.list(K8S.resolve("src/test/fixtures"))) {
            return s.filter(p -> Files.exists(p.resolve("kustomization.yaml"))).sorted().toList();
        }
    }

    /**
     * The rendered objects: by the real kustomize when there is one, otherwise by {@link MiniKustomize}
     * (whose output KustomizeParityTest proves identical wherever a real kustomize exists).
     */
    static List<Doc> render(Path dir) throws Exception {
        List<Doc> cached = CACHE.get(dir);
        if (cached == null) {
            if (KUSTOMIZE.isPresent()) {
                cached = Doc.parseAll(KUSTOMIZE.get().render(dir));
            } else {
                if (!warnedFallback) {
                    warnedFallback = true;
                    System.err.println("\n*** NOTE: no kustomize or kubectl on the PATH: rendering with the built-in mini-kustomize "
                            + "(its parity with kustomize is tested wherever kustomize exists, always in CI).\n");
                }
                cached = MiniKustomize.render(dir);
            }
            CACHE.put(dir, cached);
        }
        return cached;
    }

    static String rendererName() {
        return KUSTOMIZE.map(Kustomize::describe).orElse("built-in mini-kustomize");
    }

    /** The real kustomize; without one, tests that need it are skipped locally and fail when CI=true. */
    static Kustomize kustomize() {
        if (KUSTOMIZE.isPresent()) {
            return KUSTOMIZE.get();
        }
        String msg = "No kustomize: neither `kustomize` nor `kubectl` is on the PATH (set KUSTOMIZE=/path/to/binary). "
                + "The parity of the built-in mini-kustomize with kustomize CANNOT be checked.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(msg + " CI=true: failing.");
        }
        if (!warned) {
            warned = true;
            System.err.println("\n" + "*".repeat(100) + "\n*** WARNING: " + msg + " Skipping them.\n" + "*".repeat(100) + "\n");
        }
        Assumptions.abort(msg);
        return null;
    }
}
