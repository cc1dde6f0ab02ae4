package io.balance.school.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.balance.kit.problem.JsonErrors;
import io.balance.kit.problem.Problem;
import io.balance.kit.problem.ProblemException;
import java.util.List;

/**
 * The service's Jackson settings. {@link #MAPPER} writes and reads what the service stored itself (report bodies,
 * event payloads). Requests are bound to typed records by a {@link #strict} mapper: Quarkus REST's (see
 * {@link StrictRequestJson}) and {@link #REQUESTS} for the rows of an import, which arrive as one JSON tree per row.
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

    /** Binds import rows exactly as Quarkus REST binds a request body. */
    static final ObjectMapper REQUESTS = strict(MAPPER.copy());

    private Json() {
    }

    /**
     * Request binding takes no guesses: {@code 40.5} is not the count 40, {@code "132"} is not a number, {@code 5}
     * is not text, {@code "yes"} is not a boolean, and a misspelt field is an error rather than lost data.
     */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Binds one part of an import row ({@code school}, {@code report}); a value of the wrong type is recorded under
     * its JSON path below {@code path} and null returned. Rows are bound one by one so that one bad row does not
     * fail the upload.
     */
    public static <T> T bind(JsonNode node, Class<T> type, String path, Errors errors) {
        try {
            return REQUESTS.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            var error = JsonErrors.of(e);
            errors.add(Errors.child(path, error.field().equals(Problem.BODY) ? "" : error.field()), error.message());
            return null;
        }
    }

    /** Reads a JSON upload as a tree (each import row is bound alone); malformed JSON is a 400 naming where it broke. */
    public static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ProblemException.invalid(Problem.BODY, "a JSON body is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.validation(List.of(JsonErrors.of(e)));
        }
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
}
