package io.balance.kit.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every operation can give, as {@link ProblemMappers} produces them, so that a
 * generated client knows them: 400 where there is input, 401 on the API, 403 on changes, 404 where the path
 * names something. An operation's own {@code @APIResponse} (409, 429, 503, …) is kept as written.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                Operation o = op.getValue();
                if (o.getResponses() == null) {
                    o.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses r = o.getResponses();
                boolean input = o.getRequestBody() != null
                        || o.getParameters() != null && !o.getParameters().isEmpty()
                        || path.getValue().getParameters() != null && !path.getValue().getParameters().isEmpty();
                if (input) {
                    add(r, "400", "Invalid input: errors[] names every invalid field");
                }
                if (!path.getKey().startsWith("/api/v1/public")) {
                    add(r, "401", "No valid bearer token");
                }
                if (op.getKey() != PathItem.HttpMethod.GET) {
                    add(r, "403", "The caller may read this but not change it");
                }
                if (path.getKey().contains("{")) {
                    add(r, "404", "Not found, or outside the caller's jurisdiction");
                }
            }
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        // kept when written with a body; replaced when it has none (SmallRye's default "400 Bad Request" of every
        // operation with a request body says nothing of the problem details a client gets)
        if (responses.hasAPIResponse(code) && responses.getAPIResponse(code).getContent() != null
                && responses.getAPIResponse(code).getContent().getMediaTypes() != null
                && !responses.getAPIResponse(code).getContent().getMediaTypes().isEmpty()) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA)))));
    }

    private static void addSchemas(Components c) {
        if (c.getSchemas() != null && c.getSchemas().containsKey(SCHEMA)) {
            return;
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text)
                .description("One invalid input, named by its JSON path (teachers.PRIMARY.fullTime, rows[3].code)");
        c.addSchema("FieldError", fieldError);
        c.addSchema(SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("FieldError"))));
    }
}
