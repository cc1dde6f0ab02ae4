package io.balance.k8s.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every check over one rendered overlay; an empty list means it may be applied. */
public final class Checks {
    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    private Checks() {
    }

    public static List<String> all(List<Doc> docs) {
        List<String> v = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String namespace = docs.stream().filter(d -> d.is("Namespace")).map(Doc::name).findFirst().orElse(null);
        for (Doc d : docs) {
            if (d.apiVersion() == null || d.kind() == null || d.name() == null) {
                v.add("object without apiVersion, kind or metadata.name: " + d.tree().keySet());
                continue;
            }
            if (!ids.add(d.apiVersion() + "/" + d.id())) {
                v.add(d.id() + ": defined twice");
            }
            if (!d.is("Namespace") && (namespace == null || !namespace.equals(d.namespace()))) {
                v.add(d.id() + ": must be in the overlay's Namespace " + namespace + " (is " + d.namespace() + ")");
            }
            v.addAll(SCHEMAS.validate(d));
        }
        v.addAll(PolicyChecks.check(docs));
        v.addAll(WiringChecks.check(docs));
        v.addAll(ConfigChecks.check(docs));
        return v;
    }
}
