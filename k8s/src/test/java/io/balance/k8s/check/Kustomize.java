package io.balance.k8s.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the real kustomize: a standalone {@code kustomize} binary or the one built
 * into {@code kubectl} (v1.14+). {@code KUSTOMIZE} or {@code -Dkustomize=} names a binary explicitly
 * ({@code none}: behave as if there were none).
 * Nothing is re-implemented here: what we check is exactly what {@code kubectl apply -k} would send.
 */
public final class Kustomize {
    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    /** The renderer found on this machine, if any. */
    public static Optional<Kustomize> find() {
        String explicit = System.getProperty("kustomize", System.getenv("KUSTOMIZE"));
        if ("none".equals(explicit)) {
            return Optional.empty(); // pretend there is none (to see the skip/fail behaviour)
        }
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(forBinary(explicit));
        }
        return onPath("kustomize").map(Kustomize::forBinary)
                .or(() -> onPath("kubectl").map(Kustomize::forBinary));
    }

    private static Kustomize forBinary(String binary) {
        boolean kubectl = Path.of(binary).getFileName().toString().startsWith("kubectl");
        return new Kustomize(kubectl ? List.of(binary, "kustomize") : List.of(binary, "build"));
    }

    private static Optional<String> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    public String describe() {
        return String.join(" ", command);
    }

    /** {@code kustomize build dir}: the rendered multi-document YAML, or an exception with kustomize's error. */
    public String render(Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(dir.toString());
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("kustomize timed out on " + dir);
            }
            if (p.exitValue() != 0) {
                throw new IOException("kustomize failed on " + dir + ": " + Files.readString(err).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
