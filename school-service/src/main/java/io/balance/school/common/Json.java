package io.balance.school.common;

import io.balance.kit.problem.JsonErrors;
import io.balance.kit.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads request bodies ourselves rather than binding them straight to records: binding would silently turn
 * {@code 40.5} into {@code 40} and a missing count into {@code 0}, and would stop at the first problem.
 * Here every field is checked and every problem is named by its JSON path.
 */
public final class Json {
    /** The service's one mapper for stored bodies and event payloads (ISO-8601 instants). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** Parses a request body, turning malformed JSON into a 400 that names where it broke. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("(body)", "a JSON body is required");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.invalid("(body)", "a JSON body is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            String field = "(body)";
            if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
                String path = JsonErrors.pathOf(parser.getParsingContext());
                if (!path.isEmpty()) {
                    field = path;
                }
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ProblemException.invalid(field, "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    public static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    /** Describes a JSON value's type for messages. */
    public static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "text \"" + abbreviate(node.asText()) + "\"";
        }
        if (node.isNumber()) {
            return "number " + node.asText();
        }
        if (node.isBoolean()) {
            return "boolean " + node.asText();
        }
        return node.isArray() ? "an array" : "an object";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Reports fields of {@code object} that the contract does not define (a typo would otherwise be lost data). */
    public static void rejectUnknown(JsonNode object, String path, Set<String> known, Errors errors) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                errors.add(child(path, name), "unknown field; expected one of " + String.join(", ", known));
            }
        }
    }

    /** Whether the member is missing or JSON null; a missing required member is recorded as an error. */
    private static boolean absent(JsonNode node, String field, boolean required, Errors errors) {
        if (node != null && !node.isNull()) {
            return false;
        }
        if (required) {
            errors.add(field, "is required");
        }
        return true;
    }

    /** A required (or optional) object member; records an error and returns null when it is not an object. */
    public static JsonNode object(JsonNode parent, String name, String path, boolean required, Errors errors) {
        JsonNode node = parent.get(name);
        String field = child(path, name);
        if (absent(node, field, required, errors)) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(field, "must be an object, got " + kind(node));
            return null;
        }
        return node;
    }

    public static String text(JsonNode parent, String name, String path, boolean required, int maxLength, Errors errors) {
        JsonNode node = parent.get(name);
        String field = child(path, name);
        if (absent(node, field, required, errors)) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(field, "must be text, got " + kind(node));
            return null;
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            if (required) {
                errors.add(field, "must not be blank");
            }
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** A code of exactly {@code digits} digits. */
    public static String code(JsonNode parent, String name, String path, boolean required, int digits, Errors errors) {
        String value = text(parent, name, path, required, 40, errors);
        if (value != null && !value.matches("\\d{" + digits + "}")) {
            errors.add(child(path, name), "must be a " + digits + "-digit code, got \"" + value + "\"");
            return null;
        }
        return value;
    }

    public static Boolean bool(JsonNode parent, String name, String path, boolean required, Errors errors) {
        JsonNode node = parent.get(name);
        String field = child(path, name);
        if (absent(node, field, required, errors)) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(field, "must be true or false, got " + kind(node));
            return null;
        }
        return node.booleanValue();
    }

    /** A whole number in [min, max]; {@code 40.0} is accepted as 40, {@code 40.5} is not. */
    public static Long integer(JsonNode node, String field, boolean required, long min, long max, Errors errors) {
        if (absent(node, field, required, errors)) {
            return null;
        }
        if (!node.isNumber()) {
            errors.add(field, "must be a whole number, got " + kind(node));
            return null;
        }
        double d = node.doubleValue();
        if (!node.isIntegralNumber() && (d != Math.rint(d) || Double.isInfinite(d))) {
            errors.add(field, "must be a whole number (a count), got " + node.asText());
            return null;
        }
        if (node.isBigInteger() || Math.abs(d) > 9e15) {
            errors.add(field, "is out of range [" + min + ", " + max + "]");
            return null;
        }
        long value = node.isIntegralNumber() ? node.longValue() : (long) d;
        if (value < min) {
            errors.add(field, min == 0 ? "must not be negative, got " + value : "must be at least " + min + ", got " + value);
            return null;
        }
        if (value > max) {
            errors.add(field, "must be at most " + max + ", got " + value + " (implausible)");
            return null;
        }
        return value;
    }

    public static Double number(JsonNode node, String field, boolean required, double min, double max, Errors errors) {
        if (absent(node, field, required, errors)) {
            return null;
        }
        if (!node.isNumber()) {
            errors.add(field, "must be a number, got " + kind(node));
            return null;
        }
        double value = node.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            errors.add(field, "must be a finite number");
            return null;
        }
        if (value < min) {
            errors.add(field, min == 0 ? "must not be negative, got " + node.asText() : "must be at least " + min);
            return null;
        }
        if (value > max) {
            errors.add(field, "must be at most " + max + ", got " + node.asText() + " (implausible)");
            return null;
        }
        return value;
    }

    public static <E extends Enum<E>> E enumeration(JsonNode parent, String name, String path, boolean required,
                                                    Class<E> type, Function<String, E> lookup, Errors errors) {
        String value = text(parent, name, path, required, 60, errors);
        if (value == null) {
            return null;
        }
        E e = lookup.apply(value);
        if (e == null) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(c.name());
            }
            errors.add(child(path, name), "unknown value \"" + value + "\"; expected one of " + allowed);
        }
        return e;
    }

    public static <E extends Enum<E>> E byName(Class<E> type, String value) {
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(value)) {
                return c;
            }
        }
        return null;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> readMap(String text) {
        try {
            return MAPPER.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
