package io.balance.k8s.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds an image from a Quarkus-shaped application (a compiled main class as quarkus-run.jar) exactly as
 * {@code -Dimages} builds the services', then proves the tarball is a loadable Docker archive (manifest,
 * config, layer digests as `docker load` verifies them) and that its offline runtime actually runs the
 * application as user 185 in a root filesystem made of nothing but the image's layers.
 */
class ImageBuilderTest {
    static final Path TARGET = Path.of(System.getProperty("balance.k8s.dir", ".")).resolve("target").toAbsolutePath();
    static final Path WORK = TARGET.resolve("image-test");
    static final Path TAR = WORK.resolve("hello.tar");
    static final String REF = ImageBuilder.reference("balance", "hello", "test");
    static final ObjectMapper JSON = new ObjectMapper();
    static Map<String, byte[]> files;

    @BeforeAll
    static void build() throws Exception {
        // The offline base copies the build machine's shared libraries: Linux only (CI and the team's machines).
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "offline base images need a Linux build machine");
        Path app = WORK.resolve("quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        Files.createDirectories(app.resolve("app"));
        Files.createDirectories(app.resolve("quarkus"));
        Path src = WORK.resolve("src/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                public class Hello {
                    public static void main(String[] args) throws Exception {
                        System.out.println("hello from the image, user=" + System.getProperty("user.name")
                                + " java.home=" + System.getProperty("java.home") + " cwd=" + System.getProperty("user.dir")
                                + " logmanager=" + System.getProperty("java.util.logging.manager"));
                    }
                }
                """);
        Path classes = Files.createDirectories(WORK.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "javac");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app.resolve("quarkus-run.jar")), mf)) {
            jar.putNextEntry(new JarEntry("Hello.class"));
            jar.write(Files.readAllBytes(classes.resolve("Hello.class")));
            jar.closeEntry();
        }
        Files.writeString(app.resolve("lib/main/placeholder.txt"), "a dependency");
        Files.writeString(app.resolve("quarkus/generated-bytecode.txt"), "quarkus");
        Files.writeString(app.resolve("app/application.txt"), "app");

        Path rootfs = ImageBuilder.runtimeRootfs(TARGET.resolve("image-work/runtime-rootfs"));
        Files.deleteIfExists(TAR);
        ImageBuilder.build("scratch", rootfs, app, 8080, REF, TAR, WORK.resolve("cache"));
        files = untar(Files.newInputStream(TAR));
    }

    @Test
    void isADockerArchiveWithManifestConfigAndVerifiedLayers() throws Exception {
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        assertEquals(REF, manifest.get("RepoTags").get(0).asText());
        JsonNode config = JSON.readTree(files.get(manifest.get("Config").asText()));
        assertEquals("linux", config.get("os").asText());
        assertEquals("amd64".equals(config.get("architecture").asText()) || "arm64".equals(config.get("architecture").asText()), true);
        JsonNode c = config.get("config");
        assertEquals("185", c.get("User").asText(), "non-root user");
        assertEquals("/opt/java/bin/java", c.get("Entrypoint").get(0).asText());
        assertEquals("/deployments/quarkus-run.jar", c.get("Entrypoint").get(c.get("Entrypoint").size() - 1).asText());
        assertTrue(c.get("ExposedPorts").has("8080/tcp"));
        assertEquals("/deployments", c.get("WorkingDir").asText());

        // docker load checks every layer's uncompressed sha256 against rootfs.diff_ids, in order.
        JsonNode layers = manifest.get("Layers");
        JsonNode diffIds = config.get("rootfs").get("diff_ids");
        assertEquals(3, layers.size(), "runtime, dependencies, application");
        assertEquals(layers.size(), diffIds.size());
        for (int i = 0; i < layers.size(); i++) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(new GZIPInputStream(new java.io.ByteArrayInputStream(files.get(layers.get(i).asText()))), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertEquals(diffIds.get(i).asText(), "sha256:" + HexFormat.of().formatHex(sha.digest()), "layer " + i);
        }
    }

    @Test
    void layersHoldRuntimeDependenciesAndApplicationWithTheRightModes() throws Exception {
        List<Map<String, TarArchiveEntry>> layers = new ArrayList<>();
        for (JsonNode l : JSON.readTree(files.get("manifest.json")).get(0).get("Layers")) {
            layers.add(entries(files.get(l.asText())));
        }
        Map<String, TarArchiveEntry> runtime = layers.get(0);
        assertEquals(0755, runtime.get("opt/java/bin/java").getMode() & 0777, "java is executable");
        assertTrue(runtime.containsKey("opt/java/lib/server/libjvm.so"));
        assertTrue(runtime.keySet().stream().anyMatch(p -> p.endsWith("/libc.so.6")), "glibc is in the image");
        assertTrue(runtime.keySet().stream().anyMatch(p -> p.matches("lib(64)?/ld-linux.*\\.so\\.\\d")), "the dynamic loader is in the image");
        assertTrue(runtime.containsKey("etc/passwd"));
        assertTrue(layers.get(1).containsKey("deployments/lib/main/placeholder.txt"), "dependencies layer");
        assertTrue(layers.get(2).containsKey("deployments/quarkus-run.jar"), "application layer");
        assertTrue(layers.get(2).containsKey("deployments/quarkus/generated-bytecode.txt"));
        assertTrue(layers.get(2).keySet().stream().noneMatch(p -> p.startsWith("deployments/lib/")), "no dependency in the app layer");
    }

    @Test
    void runsTheApplicationAsUser185FromTheImageAlone() throws Exception {
        Assumptions.assumeTrue(isRootWithUnshare(), "needs root allowed to create mount and PID namespaces (util-linux unshare) to chroot into the image");
        Path rootfs = WORK.resolve("rootfs");
        deleteTree(rootfs);
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        for (JsonNode l : manifest.get("Layers")) {
            extract(files.get(l.asText()), rootfs);
        }
        Files.createDirectories(rootfs.resolve("proc")); // a mount point, as every container runtime provides
        JsonNode c = JSON.readTree(files.get(manifest.get("Config").asText())).get("config");
        List<String> cmd = new ArrayList<>(List.of(onPath("unshare"), "--mount", "--pid", "--fork", "--mount-proc=" + rootfs.resolve("proc"),
                onPath("chroot"), "--userspec=" + c.get("User").asText() + ":" + c.get("User").asText(), rootfs.toString()));
        c.get("Entrypoint").forEach(e -> cmd.add(e.asText()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        c.get("Env").forEach(e -> pb.environment().put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("hello from the image, user=jboss java.home=/opt/java"), out);
        assertTrue(out.contains("logmanager=org.jboss.logmanager.LogManager"), out);
        // The private mount namespace died with the process: nothing of ours is mounted any more.
        assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).lines().noneMatch(l -> l.contains(rootfs.toString())));
        deleteTree(rootfs);
    }

    /** Absolute path of a host tool (the child gets the image's environment, not ours). */
    private static String onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin:/sbin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        return tool;
    }

    private static boolean isRootWithUnshare() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (id.waitFor() != 0 || !"0".equals(uid)) {
                return false;
            }
            // Some sandboxes forbid new namespaces even to root: that says nothing about the image.
            Process u = new ProcessBuilder(onPath("unshare"), "--mount", "--pid", "--fork", "true").redirectErrorStream(true).start();
            u.getInputStream().readAllBytes();
            return u.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Map<String, byte[]> untar(InputStream raw) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    out.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return out;
    }

    static Map<String, TarArchiveEntry> entries(byte[] gz) throws IOException {
        Map<String, TarArchiveEntry> out = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new java.io.ByteArrayInputStream(gz)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                out.put(e.getName().replaceFirst("^/", "").replaceFirst("/$", ""), e);
            }
        }
        return out;
    }

    static void extract(byte[] gz, Path root) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new java.io.ByteArrayInputStream(gz)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path dest = root.resolve(e.getName().replaceFirst("^/", "")).normalize();
                assertTrue(dest.startsWith(root), "entry escapes the root: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                } else if (e.isFile()) {
                    Files.createDirectories(dest.getParent());
                    Files.write(dest, tar.readAllBytes());
                } else {
                    continue;
                }
                Files.setPosixFilePermissions(dest, permissions(e.getMode()));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    /** Deletes a tree, refusing if anything under it is mounted (never follow into a mount). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        String abs = dir.toAbsolutePath().toString();
        if (Files.readString(Path.of("/proc/self/mountinfo")).lines().anyMatch(l -> l.contains(abs))) {
            throw new IllegalStateException("refusing to delete " + dir + ": something is mounted under it");
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
