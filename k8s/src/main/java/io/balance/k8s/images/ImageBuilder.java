package io.balance.k8s.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the services' container images with Jib Core, without a Docker daemon and, by default, without a
 * registry: {@code ./mvnw -pl k8s package -Dimages} writes {@code target/images/<service>.tar}.
 *
 * <p>Base "scratch" (the default, fully offline): a Java runtime linked with jlink from the build JDK, plus
 * exactly the shared libraries its binaries need (found with ldd: glibc, zlib, libstdc++, ...) copied from the
 * build machine, plus /etc/passwd with the non-root user 185. Any other base (e.g.
 * {@code registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23}, or {@code tar:///path/base.tar}) is used as is
 * and must provide {@code java} on the PATH and the user 185; that is the production path in CI.
 *
 * <p>Layers, most stable first, so a code change re-ships only the last one:
 * runtime (scratch base only), the service's dependencies (quarkus-app/lib), the service (quarkus-app/app,
 * quarkus, quarkus-run.jar).
 */
public final class ImageBuilder {
    /** The build's ports per service (docs/architecture.md). */
    static final Map<String, Integer> PORTS = Map.of(
            "school-service", 8081, "indicator-service", 8082, "survey-service", 8083, "supervision-service", 8084, "gateway", 8080);
    public static final String USER = "185";
    static final String JAVA_HOME = "/opt/java";
    static final String APP = "/deployments";
    /**
     * All of Java SE (java.se: a library may touch java.rmi, java.desktop, ... as POI and Hibernate do) plus the
     * JDK modules a server needs at run time (crypto providers, DNS, JFR, Unsafe, charsets, locales);
     * filtered by what the build JDK has. Development tools (javac, jshell, jlink) stay out.
     */
    static final List<String> MODULES = List.of(
            "java.se", "jdk.charsets", "jdk.crypto.ec", "jdk.crypto.cryptoki", "jdk.jfr", "jdk.localedata",
            "jdk.management", "jdk.management.agent", "jdk.management.jfr", "jdk.naming.dns", "jdk.net",
            "jdk.security.auth", "jdk.security.jgss", "jdk.unsupported", "jdk.zipfs");
    private static final Instant EPOCH_PLUS = Instant.ofEpochSecond(1); // Jib's reproducible timestamp

    private ImageBuilder() {
    }

    /** The image reference the build gives a service; the manifests' kustomization uses the same. */
    public static String reference(String repository, String service, String tag) {
        return repository + "/" + service + ":" + tag;
    }

    public static void main(String[] args) throws Exception {
        String repository = required("image.repository");
        String tag = required("image.tag");
        String base = System.getProperty("image.base", "scratch");
        Path output = Path.of(required("image.output"));
        Path work = Path.of(required("image.work"));
        Path root = Path.of(required("repo.root")).toAbsolutePath().normalize();
        List<String> services = List.of(System.getProperty("image.services", String.join(",", PORTS.keySet())).split(","));

        Path runtime = "scratch".equals(base) ? runtimeRootfs(work.resolve("runtime-rootfs")) : null;
        for (String service : services) {
            Path app = root.resolve(service).resolve("target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app + "/quarkus-run.jar missing: package the services first "
                        + "(./mvnw -B package -DskipTests -am -pl " + service + ")");
            }
            Path tar = output.resolve(service + ".tar");
            String ref = reference(repository, service, tag);
            long start = System.nanoTime();
            build(base, runtime, app, PORTS.getOrDefault(service, 8080), ref, tar, work.resolve("jib-cache"));
            System.out.printf("[images] %s -> %s (%d MB, %d s)%n", ref, tar, Files.size(tar) >> 20,
                    (System.nanoTime() - start) / 1_000_000_000L);
        }
    }

    /** One image tarball (Docker archive format: docker load, podman load, skopeo docker-archive:). */
    public static void build(String base, Path runtimeRootfs, Path quarkusApp, int port, String reference, Path tar, Path cache)
            throws Exception {
        boolean scratch = "scratch".equals(base);
        JibContainerBuilder b = scratch ? Jib.fromScratch() : Jib.from(base) /* registry name, tar://..., docker://... */;
        if (scratch) {
            b.addFileEntriesLayer(layer("runtime", runtimeRootfs, AbsoluteUnixPath.get("/")));
        }
        b.addFileEntriesLayer(layer("dependencies", quarkusApp.resolve("lib"), AbsoluteUnixPath.get(APP + "/lib")));
        FileEntriesLayer.Builder app = FileEntriesLayer.builder().setName("application");
        addTree(app, quarkusApp.resolve("app"), AbsoluteUnixPath.get(APP + "/app"));
        addTree(app, quarkusApp.resolve("quarkus"), AbsoluteUnixPath.get(APP + "/quarkus"));
        app.addEntry(quarkusApp.resolve("quarkus-run.jar"), AbsoluteUnixPath.get(APP + "/quarkus-run.jar"),
                FilePermissions.DEFAULT_FILE_PERMISSIONS, EPOCH_PLUS);
        b.addFileEntriesLayer(app.build());

        String java = scratch ? JAVA_HOME + "/bin/java" : "java";
        b.setEntrypoint(java, "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", APP + "/quarkus-run.jar")
                .setWorkingDirectory(AbsoluteUnixPath.get(APP))
                .setUser(USER)
                .addExposedPort(Port.tcp(port))
                .addLabel("org.opencontainers.image.title", reference.substring(reference.lastIndexOf('/') + 1, reference.lastIndexOf(':')))
                .addLabel("org.opencontainers.image.base.name", base)
                .setFormat(ImageFormat.Docker);
        if (scratch) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", JAVA_HOME + "/bin:/usr/bin:/bin");
            env.put("JAVA_HOME", JAVA_HOME);
            env.put("LANG", "C.UTF-8");
            b.setEnvironment(env);
        }
        Files.createDirectories(tar.getParent());
        Containerizer to = Containerizer.to(TarImage.at(tar).named(reference))
                .setBaseImageLayersCache(cache.resolve("base"))
                .setApplicationLayersCache(cache.resolve("application"))
                .setOfflineMode(scratch || base.startsWith("tar://") || base.startsWith("docker://"))
                .setToolName("balance-k8s-image-builder");
        b.containerize(to);
    }

    private static FileEntriesLayer layer(String name, Path dir, AbsoluteUnixPath target) throws IOException {
        FileEntriesLayer.Builder l = FileEntriesLayer.builder().setName(name);
        addTree(l, dir, target);
        return l.build();
    }

    /** Every file and directory under dir, keeping the executable bit (Jib's default is 644/755). */
    private static void addTree(FileEntriesLayer.Builder layer, Path dir, AbsoluteUnixPath target) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(dir)) {
                    continue;
                }
                AbsoluteUnixPath dest = target.resolve(dir.relativize(p).toString().replace('\\', '/'));
                FilePermissions perms;
                if (Files.isDirectory(p)) {
                    perms = dest.toString().equals("/tmp") ? FilePermissions.fromOctalString("777") : FilePermissions.DEFAULT_FOLDER_PERMISSIONS;
                } else {
                    perms = Files.isExecutable(p) ? FilePermissions.fromOctalString("755") : FilePermissions.DEFAULT_FILE_PERMISSIONS;
                }
                layer.addEntry(p, dest, perms, EPOCH_PLUS);
            }
        }
    }

    /**
     * A minimal root filesystem for a JVM: jlink'ed runtime under /opt/java, the shared libraries it links
     * (copied from this machine at their absolute paths), /etc/passwd and /etc/group with user 185, /tmp.
     * Reused when already built by an earlier run (delete target/image-work to rebuild).
     */
    public static Path runtimeRootfs(Path rootfs) throws IOException, InterruptedException {
        Path done = rootfs.resolveSibling(rootfs.getFileName() + ".done");
        if (Files.exists(done)) {
            return rootfs;
        }
        deleteTree(rootfs);
        Files.createDirectories(rootfs);
        Path javaHome = rootfs.resolve(JAVA_HOME.substring(1));
        List<String> modules = MODULES.stream().filter(m -> ModuleFinder.ofSystem().find(m).isPresent()).toList();
        int feature = Runtime.version().feature();
        List<String> args = new ArrayList<>(List.of(
                "--add-modules", String.join(",", modules),
                "--include-locales=en,zh",
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress=" + (feature >= 21 ? "zip-6" : "2"),
                "--output", javaHome.toString()));
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("jlink not found: build with a JDK (not a JRE)"));
        StringWriter out = new StringWriter();
        int rc = jlink.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("jlink failed (" + rc + "): " + out);
        }
        // Debian's JDK keeps cacerts as a symlink into /etc/ssl: make the runtime's a real file.
        Path cacerts = javaHome.resolve("lib/security/cacerts");
        if (Files.isSymbolicLink(cacerts)) {
            Path target = cacerts.toRealPath();
            Files.delete(cacerts);
            Files.copy(target, cacerts);
        }
        for (String lib : sharedLibraries(javaHome)) {
            Path src = Path.of(lib);
            Path dest = rootfs.resolve(lib.substring(1));
            Files.createDirectories(dest.getParent());
            Files.copy(src, dest, StandardCopyOption.REPLACE_EXISTING); // follows symlinks: a real file
        }
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "jboss:x:185:185:service user:" + APP + ":/sbin/nologin\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\njboss:x:185:\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n", StandardCharsets.UTF_8);
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.writeString(done, String.join(",", modules));
        return rootfs;
    }

    /** Absolute paths of every shared library the runtime's ELF files need, by ldd, plus libgcc_s (dlopen'ed by glibc). */
    static Set<String> sharedLibraries(Path javaHome) throws IOException, InterruptedException {
        Set<String> libs = new TreeSet<>();
        List<Path> elfs;
        try (Stream<Path> walk = Files.walk(javaHome)) {
            elfs = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isElf(p)).toList();
        }
        Pattern arrow = Pattern.compile("=>\\s*(/\\S+)");
        Pattern bare = Pattern.compile("^\\s*(/\\S+)\\s+\\(");
        for (Path elf : elfs) {
            Process p = new ProcessBuilder("ldd", elf.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String line : text.split("\n")) {
                if (line.contains("not found") && !line.contains(javaHome.toString())) {
                    // the runtime's own libraries (libjvm, libjava) are found via RPATH at run time
                    if (!line.trim().startsWith("libjvm") && !line.trim().startsWith("libjava")) {
                        throw new IllegalStateException("ldd " + elf + ": " + line.trim());
                    }
                }
                Matcher m = arrow.matcher(line);
                Matcher m2 = bare.matcher(line);
                String lib = m.find() ? m.group(1) : m2.find() ? m2.group(1) : null;
                if (lib != null && !lib.startsWith(javaHome.toString())) {
                    libs.add(lib);
                }
            }
        }
        if (libs.isEmpty()) {
            throw new IllegalStateException("ldd found no libraries: is this a Linux build machine with ldd?");
        }
        // glibc dlopen()s libgcc_s for thread cancellation and unwinding.
        for (String dir : new TreeSet<>(libs.stream().map(l -> l.substring(0, l.lastIndexOf('/'))).toList())) {
            Path gcc = Path.of(dir, "libgcc_s.so.1");
            if (Files.exists(gcc)) {
                libs.add(gcc.toString());
            }
        }
        return libs;
    }

    private static boolean isElf(Path p) {
        try (var in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required");
        }
        return v;
    }
}
