package io.balance.kit.probe;

import io.agroal.api.AgroalDataSource;
import io.balance.contracts.Role;
import io.balance.kit.caller.Caller;
import io.balance.kit.outbox.Outbox;
import io.balance.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Endpoints that exercise the kit's problem mapping, caller checks and outbox writer. */
@Path("/api/probe")
public class ProbeResource {
    public enum Color { RED, GREEN }

    public record Part(@NotBlank String label, @Min(0) int count) {
    }

    public record ItemInput(@NotBlank String name, @NotNull Color color, @Min(0) @Max(100) int size,
                            @NotEmpty List<@Valid Part> parts, Map<Color, @Min(1) Integer> stock) {
    }

    public record CallerView(String name, Role role, String jurisdiction, String department) {
    }

    public record Event(String eventId, String code, long revision) {
    }

    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;

    @POST
    @Path("/items")
    public ItemInput create(@NotNull(message = "a JSON body is required") @Valid ItemInput body) {
        return body;
    }

    @POST
    @Path("/files")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA)
    public String upload(@org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        return file == null ? "none" : Long.toString(file.size());
    }

    @GET
    @Path("/items")
    public List<String> list(@QueryParam("year") @Min(2000) @Max(2100) int year) {
        return List.of(Integer.toString(year));
    }

    @GET
    @Path("/counties/{code}")
    public String county(@PathParam("code") @Pattern(regexp = "\\d{6}") String code) {
        caller.requireRead(code, "county " + code);
        caller.requireRole("change county " + code, Role.SYSTEM_ADMIN, Role.PROVINCE_ADMIN);
        return code;
    }

    @GET
    @Path("/limited")
    public String limited() {
        throw ProblemException.tooManyRequests("slow down", 7);
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw ProblemException.conflict("already-answered", "answered before");
    }

    @GET
    @Path("/caller")
    public CallerView me() {
        return new CallerView(caller.name(), caller.role(), caller.jurisdiction(), caller.department());
    }

    /** Writes a row and its event in one transaction; {@code fail} rolls both back. */
    @POST
    @Path("/events/{code}")
    @Transactional
    public Event publish(@PathParam("code") String code, @QueryParam("revision") long revision,
                         @QueryParam("fail") boolean fail) throws SQLException {
        Event e = new Event(Outbox.newEventId(), code, revision);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into probe_change (code) values (?)")) {
            ps.setString(1, code);
            ps.executeUpdate();
        }
        outbox.add(e.eventId(), ProbeHandler.TOPIC, code, revision, e);
        if (fail) {
            throw ProblemException.conflict("rolled back on purpose");
        }
        return e;
    }
}
