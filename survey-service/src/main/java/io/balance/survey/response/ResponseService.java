package io.balance.survey.response;

import io.balance.survey.campaign.Group;
import io.balance.survey.campaign.Survey;
import io.balance.survey.campaign.SurveyStatus;
import io.balance.kit.problem.ProblemException;
import io.balance.survey.common.Db;
import io.balance.survey.common.Validation;
import io.balance.survey.config.SurveyConfig;
import io.balance.survey.invitation.Codes;
import io.balance.survey.questionnaire.Form;
import io.balance.survey.questionnaire.Item;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * The public side: showing an invitation's questionnaire and storing its one answer. The submit path is a
 * batched invitation lookup ({@link InvitationLookup}) and one row handed to the group-committing
 * {@link ResponseWriter}; the unique key on the invitation hash makes a code single-use even under concurrent
 * double submission, and results are never recomputed per answer.
 */
@ApplicationScoped
public class ResponseService {
    @Inject
    Db db;
    @Inject
    SurveyStateCache cache;
    @Inject
    ClientKeys clientKeys;
    @Inject
    ResponseWriter writer;
    @Inject
    InvitationLookup invitations;
    @Inject
    ManagedExecutor executor;

    @Inject
    SurveyConfig config;

    private int perMinute;
    private FraudRules rules;
    private WindowCounter requests;
    private WindowCounter submissions;

    @jakarta.annotation.PostConstruct
    void init() {
        perMinute = config.rateLimit().perMinute();
        SurveyConfig.Fraud f = config.fraud();
        rules = new FraudRules(f.minSecondsPerItem(), f.allSameMinItems(), f.burstPerMinute());
        requests = new WindowCounter(60_000, perMinute + 1);
        submissions = new WindowCounter(60_000, f.burstPerMinute() + 1);
    }

    /** What an invitation resolves to. */
    public record Invitation(byte[] hash, UUID surveyId, String schoolCode, String location, Group group,
            Instant firstOpenedAt, boolean answered) {
    }

    public enum Outcome { OPEN, ANSWERED, NOT_YET_OPEN, CLOSED }

    public record View(Invitation invitation, Survey survey, Form form, List<Item> items, Outcome outcome) {
    }

    public record Receipt(Instant submittedAt, boolean replay) {
    }

    /** Throws 429 when the client's address range has made too many public requests in the last minute. */
    public void throttle(String clientAddress) {
        int n = requests.hit(ClientKeys.range(clientAddress), System.currentTimeMillis());
        if (n > perMinute) {
            throw ProblemException.tooManyRequests("too many requests from this network; retry later", 60);
        }
    }

    @Scheduled(every = "1m")
    void sweep() {
        long now = System.currentTimeMillis();
        requests.sweep(now);
        submissions.sweep(now);
    }

    /** For tests and operators: forget the in-memory counters. */
    public void resetCounters() {
        requests.clear();
        submissions.clear();
    }

    /** Resolves an invitation for display and stamps the first time it was opened (start of the timing). */
    public View open(String rawCode) {
        Invitation inv = lookup(rawCode);
        SurveyStateCache.State state = cache.get(inv.surveyId()).orElseThrow(this::unknown);
        Form form = inv.group().form;
        Outcome outcome = outcome(state.survey(), inv.answered());
        if (outcome == Outcome.OPEN && inv.firstOpenedAt() == null) {
            db.auto(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE invitation SET first_opened_at = now() WHERE code_hash = ? AND first_opened_at IS NULL")) {
                    ps.setBytes(1, inv.hash());
                    return ps.executeUpdate();
                }
            });
        }
        return new View(inv, state.survey(), form, state.items().get(form), outcome);
    }

    /** {@link #submitAsync} for callers on a thread that may block (the HTML form). */
    public Receipt submit(String rawCode, String submissionId, Map<String, String> rawAnswers, String clientAddress) {
        return Batcher.await(submitAsync(rawCode, submissionId, rawAnswers, clientAddress));
    }

    /** A fresh submission id for one rendering of the page (the no-script form carries it as a hidden field). */
    public static String newSubmissionId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Checks and stores one answer without holding a thread while its invitation is looked up and its row
     * committed: the work after each batched round trip runs on the thread that completed it. Fails with an
     * {@link ProblemException} (possibly wrapped in a {@link java.util.concurrent.CompletionException}).
     */
    public CompletableFuture<Receipt> submitAsync(String rawCode, String submissionId, Map<String, String> rawAnswers,
            String clientAddress) {
        Validation v = new Validation();
        if (rawCode == null || rawCode.isBlank()) {
            v.add("invitation", "is required");
        }
        if (submissionId == null || !validSubmissionId(submissionId)) {
            v.add("submissionId", "is required: 8 to 64 letters, digits, '-' or '_', made afresh for each page load");
        }
        if (rawAnswers == null) {
            v.add("answers", "is required");
        }
        v.throwIfInvalid();
        return invitations.find(hashOf(rawCode)).thenCompose(inv -> {
            if (inv == null) {
                throw unknown();
            }
            return store(inv, submissionId, rawAnswers, clientAddress);
        });
    }

    /** On a lookup thread: the answer checked against its invitation's questionnaire, then queued for the commit. */
    private CompletableFuture<Receipt> store(Invitation inv, String submissionId, Map<String, String> rawAnswers,
            String clientAddress) {
        SurveyStateCache.State state = cache.get(inv.surveyId()).orElseThrow(this::unknown);
        Survey survey = state.survey();
        List<Item> items = state.items().get(inv.group().form);
        Set<String> ids = state.itemIds().get(inv.group().form);

        // validate against this invitation's questionnaire, naming every bad field
        Validation v = new Validation();
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : rawAnswers.entrySet()) {
            if (!ids.contains(e.getKey())) {
                v.add("answers." + e.getKey(), "is not an item of this questionnaire");
            } else if (Answer.parse(e.getValue()) == null) {
                v.add("answers." + e.getKey(), "must be RECOGNISE, MOSTLY, NOT or UNKNOWN");
            }
        }
        for (Item item : items) {
            String value = rawAnswers.get(item.id());
            if (!rawAnswers.containsKey(item.id())) {
                v.add("answers." + item.id(), "is missing: every item needs an answer");
            } else if (Answer.parse(value) != null) {
                answers.put(item.id(), Answer.parse(value));
            }
        }
        v.throwIfInvalid();

        Outcome outcome = outcome(survey, false);
        if (outcome != Outcome.OPEN) {
            // a retry of an answer stored before the close still gets its receipt
            return earlierOr(inv.hash(), submissionId, outcome == Outcome.CLOSED
                    ? ProblemException.conflict("survey-closed", "this survey has closed")
                    : ProblemException.conflict("survey-not-open", "this survey has not opened yet"));
        }

        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // PostgreSQL precision
        Long duration = inv.firstOpenedAt() == null ? null : now.toEpochMilli() - inv.firstOpenedAt().toEpochMilli();
        String range = ClientKeys.range(clientAddress);
        int recent = submissions.hit(range, now.toEpochMilli());
        List<String> flags = rules.flags(duration, answers.values(), recent);
        int[] counts = new int[Answer.values().length];
        answers.values().forEach(a -> counts[a.ordinal()]++);
        // item ids are [A-Za-z0-9_-] and values enum names: nothing to escape
        StringBuilder answersJson = new StringBuilder(24 * answers.size()).append('{');
        answers.forEach((k, a) -> answersJson.append(answersJson.length() > 1 ? "," : "").append('"').append(k)
                .append("\":\"").append(a.name()).append('"'));
        answersJson.append('}');
        byte[] clientKey = clientKeys.key(survey.clientSalt(), range);

        return writer.storeAsync(new ResponseWriter.Row(inv.hash(), inv.surveyId(), inv.schoolCode(),
                inv.location(), inv.group().name(), answersJson.toString(), submissionId, counts, duration, clientKey,
                flags.toArray(String[]::new), now)).thenCompose(stored -> stored
                        ? CompletableFuture.completedFuture(new Receipt(now, false))
                        // already answered: a retry of the same page load, or any other submission (409 whatever
                        // its answers, so that a code's holder cannot probe what was answered)
                        : earlierOr(inv.hash(), submissionId, ProblemException.conflict("already-answered",
                                "this invitation has already been used; each invitation can be used once")));
    }

    /**
     * The receipt of the answer stored earlier by the same submission (page load), or else {@code refusal}. One
     * query, run off the batchers' threads, which must stay free for their next round trip.
     */
    private CompletableFuture<Receipt> earlierOr(byte[] hash, String submissionId, ProblemException refusal) {
        return CompletableFuture.supplyAsync(() -> {
            Receipt earlier = existing(hash, submissionId);
            if (earlier == null) {
                throw refusal;
            }
            return earlier;
        }, executor);
    }

    private Receipt existing(byte[] hash, String submissionId) {
        return db.auto(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT submission_id, submitted_at FROM response WHERE invitation = ?")) {
                ps.setBytes(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && submissionId.equals(rs.getString(1))) {
                        return new Receipt(rs.getTimestamp(2).toInstant(), true);
                    }
                    return null;
                }
            }
        });
    }

    private static Outcome outcome(Survey s, boolean answered) {
        Instant now = Instant.now();
        if (s.status() == SurveyStatus.CLOSED || !now.isBefore(s.closesAt())) {
            return Outcome.CLOSED;
        }
        if (answered) {
            return Outcome.ANSWERED;
        }
        if (s.status() == SurveyStatus.DRAFT) {
            return Outcome.NOT_YET_OPEN;
        }
        return Outcome.OPEN;
    }

    /**
     * For the page, which also needs to know whether the invitation was answered (one query with a join); the
     * submit does not, and goes through the batched {@link InvitationLookup}.
     */
    private Invitation lookup(String rawCode) {
        byte[] hash = hashOf(rawCode);
        Invitation inv = db.auto(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.survey_id, i.school_code, i.location, i.grp, i.first_opened_at, r.id IS NOT NULL "
                            + "FROM invitation i LEFT JOIN response r ON r.invitation = i.code_hash WHERE i.code_hash = ?")) {
                ps.setBytes(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Timestamp opened = rs.getTimestamp(5);
                    return new Invitation(hash, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Group.valueOf(rs.getString(4)), opened == null ? null : opened.toInstant(), rs.getBoolean(6));
                }
            }
        });
        if (inv == null) {
            throw unknown();
        }
        return inv;
    }

    /** The stored hash of a code as printed or typed; 404 for what cannot be a code at all. */
    private byte[] hashOf(String rawCode) {
        String code = Codes.normalise(rawCode);
        if (code == null) {
            throw unknown();
        }
        return Codes.hash(code);
    }

    private ProblemException unknown() {
        return new ProblemException(404, "unknown-invitation", "Unknown invitation",
                "this invitation code is not known; check the link or the code on your slip", null, null);
    }

    static boolean validSubmissionId(String id) {
        if (id.length() < 8 || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
