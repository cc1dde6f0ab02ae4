package io.balance.supervision.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.Today;
import io.balance.supervision.review.ReviewRepository;
import io.balance.supervision.review.ReviewService;
import io.balance.supervision.review.ReviewStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a publication from the latest snapshot of record; closes the window first when it is due. */
@ApplicationScoped
public class PublicationService {
    @Inject
    ReviewRepository reviews;
    @Inject
    ReviewService review;
    @Inject
    Objections objections;
    @Inject
    ObjectMapper json;
    @Inject
    Today today;

    public PublicationView read(String county, int year) throws SQLException {
        review.closeIfDue(county, year);
        try (Connection c = reviews.connection()) {
            ReviewRepository.Process p = reviews.find(c, county, year, false);
            if (p == null || p.stage().ordinal() < ReviewStage.PUBLICATION.ordinal() || p.publishedAt() == null) {
                throw ProblemException.notFound("no publication for county " + county + " " + year);
            }
            List<ReviewRepository.Snapshot> snaps = reviews.snapshots(c, county, year, null);
            ReviewRepository.Snapshot snap = snaps.get(snaps.size() - 1);
            JsonNode body = json.readTree(snap.body());
            String ruleSet = body.path("ruleSet").asText();
            JsonNode details = null;
            for (JsonNode e : body.path("evaluations")) {
                if (ruleSet.equals(e.path("ruleSet").asText())) {
                    details = e.path("details");
                }
            }
            List<PublicationView.StageFigures> stages = new ArrayList<>();
            Double rate = null;
            if (details != null && !details.isNull()) {
                for (JsonNode s : details.path("stages")) {
                    List<PublicationView.IndicatorFigure> indicators = new ArrayList<>();
                    for (JsonNode i : s.path("indicators")) {
                        indicators.add(new PublicationView.IndicatorFigure(i.path("id").asText(), text(i, "name"),
                                text(i, "unit"), number(i, "countyValue"), number(i, "standard"), number(i, "cv"),
                                number(i, "cvLimit"), i.path("pass").isBoolean() ? i.path("pass").asBoolean() : null));
                    }
                    stages.add(new PublicationView.StageFigures(s.path("stage").asText(), indicators));
                }
                rate = number(details, "recognitionRate");
            }
            JsonNode ledger = body.path("ledger");
            boolean open = p.stage() == ReviewStage.PUBLICATION && !today.date().isAfter(p.windowCloses());
            return new PublicationView(county, year, p.stage(), body.path("verdict").asText(null), ruleSet,
                    snap.version(), snap.digest(), p.publishedAt(), p.windowCloses(), open, stages, rate,
                    new PublicationView.ProblemCounts(ledger.path("total").asLong(), ledger.path("verified").asLong()),
                    objections.tally(c, county, year));
        } catch (IOException e) {
            throw new IllegalStateException("snapshot unreadable", e);
        }
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }
}
