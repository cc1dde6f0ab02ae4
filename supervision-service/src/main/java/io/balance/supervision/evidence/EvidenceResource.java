package io.balance.supervision.evidence;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.SupervisionConfig;
import io.balance.supervision.problem.ProblemLookup;
import io.balance.supervision.problem.ProblemView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Evidence files (佐证材料): upload to a problem (multipart field {@code file}) and audited download. A refused
 * file is a 400 naming the reason and nothing is stored.
 */
@Path("/api/v1")
public class EvidenceResource {
    @Inject
    LedgerAccess access;
    @Inject
    ProblemLookup problems;
    @Inject
    EvidenceService evidence;
    @Inject
    SupervisionConfig config;

    @POST
    @Path("/problems/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadEvidence", summary = "Upload an evidence file (PDF, PNG, JPEG, XLSX, DOCX) to a problem")
    @APIResponse(responseCode = "201", description = "stored: its id, SHA-256, size and detected type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceService.Uploaded.class)))
    public Response upload(@PathParam("id") String id, @RestForm("file") FileUpload file) throws SQLException, IOException {
        ProblemView p = problems.readable(id);
        String county = p.countyCode();
        if (!access.administers(county) && !access.supervises(county) && !access.isDepartment(county, p.department())) {
            throw ProblemException.forbidden(access.actorRole() + " may not add evidence to problem " + p.id());
        }
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "a multipart field 'file' is required");
        }
        if (file.size() > config.evidence().maxBytes()) { // before reading it into memory
            throw ProblemException.invalid("file", "the file is " + file.size() + " bytes; the limit is "
                    + config.evidence().maxBytes() + " bytes");
        }
        EvidenceService.Uploaded stored = evidence.store(p.id(), file.fileName(), file.contentType(),
                Files.readAllBytes(file.uploadedFile()), access.actor());
        return Response.status(201).entity(stored).build();
    }

    @GET
    @Path("/evidence/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadEvidence", summary = "An evidence file; every download is recorded")
    @APIResponse(responseCode = "200", description = "the file's bytes, its SHA-256 in ETag and X-Content-SHA256",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") String id) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no evidence " + id);
        }
        EvidenceRepository.StoredFile f = evidence.download(uuid, access.caller()::canReadDivision, access.actor(),
                access.actorRole());
        if (f == null) {
            throw ProblemException.notFound("no evidence " + id);
        }
        String encoded = URLEncoder.encode(f.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(f.content(), f.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("ETag", "\"" + f.sha256() + "\"")
                .header("X-Content-SHA256", f.sha256())
                .build();
    }
}
