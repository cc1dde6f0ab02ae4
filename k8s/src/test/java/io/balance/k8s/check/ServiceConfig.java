package io.balance.k8s.check;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's production configuration cannot start without, read from its sources: every {@code ${VAR}}
 * without a default in {@code application.properties} (profile-less lines: production runs without a profile),
 * and every property the code requires, {@code @ConfigProperty} without {@code defaultValue} and {@code @ConfigMapping}
 * members without {@code @WithDefault}, that application.properties does not set. Each becomes the environment
 * variable MicroProfile Config maps to it ({@code balance.admin.password} is {@code BALANCE_ADMIN_PASSWORD}).
 */
public final class ServiceConfig {
    /** An environment variable the service needs, and why. */
    public record Requirement(String env, String because) {
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\s*\\(([^)]*)\\)\\s*(?:final\\s+)?([\\w.]+(?:<[^;=(){}]*>)?)\\s+\\w+");
    private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MEMBER = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[^;=(){}]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern NESTED = Pattern.compile("interface\\s+(\\w+)\\s*\\{");

    private ServiceConfig() {
    }

    /** The requirements of the module in {@code moduleDir} (empty when it has no application.properties). */
    public static List<Requirement> required(Path moduleDir) {
        Path file = moduleDir.resolve("src/main/resources/application.properties");
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Requirement> out = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("%")) {
                continue;
            }
            Matcher m = EXPRESSION.matcher(props.getProperty(key));
            while (m.find()) {
                if (m.group(2) == null) {
                    String env = env(m.group(1));
                    out.putIfAbsent(env, new Requirement(env, "application.properties " + key + "=" + props.getProperty(key)));
                }
            }
        }
        for (Map.Entry<String, String> p : codeRequired(moduleDir.resolve("src/main/java")).entrySet()) {
            if (!props.containsKey(p.getKey())) {
                String env = env(p.getKey());
                out.putIfAbsent(env, new Requirement(env, p.getValue()));
            }
        }
        return List.copyOf(out.values());
    }

    /** MicroProfile Config's environment name of a property (or an expression already naming a variable). */
    public static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Properties the code reads without a default: property name → where. */
    static Map<String, String> codeRequired(Path sources) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(sources)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f);
                String where = sources.relativize(f).toString();
                Matcher m = CONFIG_PROPERTY.matcher(src);
                while (m.find()) {
                    Matcher name = NAME.matcher(m.group(1));
                    if (name.find() && !m.group(1).contains("defaultValue") && !optional(m.group(2))) {
                        out.putIfAbsent(name.group(1), "@ConfigProperty in " + where);
                    }
                }
                Matcher mapping = MAPPING.matcher(src);
                if (mapping.find()) {
                    members(src, mapping.end(), mapping.group(1), where, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The members of the interface whose body starts after {@code from}; nested interfaces are groups. */
    private static void members(String src, int from, String prefix, String where, Map<String, String> out) {
        int open = src.indexOf('{', from);
        int close = matching(src, open);
        String body = src.substring(open + 1, close);
        Map<String, Integer> groups = new LinkedHashMap<>();
        Matcher nested = NESTED.matcher(body);
        StringBuilder flat = new StringBuilder(body);
        List<int[]> cut = new ArrayList<>();
        while (nested.find()) {
            int start = nested.end() - 1;
            groups.put(nested.group(1), open + 1 + start);
            int end = matching(body, start);
            cut.add(new int[] {nested.start(), end + 1});
            nested.region(end + 1, body.length());
        }
        for (int i = cut.size() - 1; i >= 0; i--) {
            flat.replace(cut.get(i)[0], cut.get(i)[1], " ");
        }
        Matcher member = MEMBER.matcher(flat);
        while (member.find()) {
            String annotations = member.group(1);
            String type = member.group(2);
            String name = kebab(member.group(3));
            Matcher withName = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"").matcher(annotations);
            if (withName.find()) {
                name = withName.group(1);
            }
            String property = prefix + "." + name;
            if (groups.containsKey(type)) {
                members(src, groups.get(type), property, where, out);
            } else if (!annotations.contains("@WithDefault") && !optional(type) && !type.startsWith("Map<")) {
                out.putIfAbsent(property, "@ConfigMapping in " + where);
            }
        }
    }

    private static boolean optional(String type) {
        return type.startsWith("Optional") || type.startsWith("java.util.Optional");
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
