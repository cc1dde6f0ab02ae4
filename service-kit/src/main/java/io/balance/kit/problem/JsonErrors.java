package io.balance.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Collectors;

/** Turns a Jackson failure into the field it concerns (its JSON path) and a message a person can act on. */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static FieldError of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && m.getCause() instanceof com.fasterxml.jackson.core.JsonParseException p) {
            // malformed JSON inside a bound record arrives wrapped with the path of the property being bound
            // (students), not of where the parser stopped (students.PRIMARY): the parser knows better
            e = p;
        }
        String field = "";
        if (e instanceof JsonMappingException m) {
            field = pathOf(m); // empty: the body as a whole has the wrong shape (an array for an object), "(body)"
        } else if (e.getProcessor() instanceof JsonParser p) {
            field = pathOf(p.getParsingContext());
        }
        return new FieldError(field.isEmpty() ? Problem.BODY : field, message(e));
    }

    static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field; expected one of " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "unknown value \"" + f.getValue() + "\"; expected one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException f) {
            return "cannot read \"" + f.getValue() + "\" as " + typeName(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return String.valueOf(v.getCause().getMessage());
        }
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType() == null ? "has the wrong type" : "must be " + typeName(m.getTargetType());
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return "malformed JSON" + where + ": " + e.getOriginalMessage();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a " + type.getSimpleName();
    }

    /** {@code teachers.PRIMARY.fullTime}, {@code rows[2].code}. */
    public static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Where a parser stopped: the same notation, for malformed JSON. */
    public static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
