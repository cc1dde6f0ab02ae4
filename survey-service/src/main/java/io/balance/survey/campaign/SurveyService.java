package io.balance.survey.campaign;

import io.balance.kit.problem.ProblemException;
import io.balance.kit.caller.Caller;
import io.balance.survey.common.Db;
import io.balance.survey.common.Validation;
import io.balance.survey.config.SurveyConfig;
import io.balance.survey.questionnaire.Form;
import io.balance.survey.questionnaire.Item;
import io.balance.survey.questionnaire.Questionnaires;
import io.balance.contracts.Location;
import io.balance.survey.registry.Registry;
import io.balance.survey.response.SurveyStateCache;
import io.balance.survey.results.ResultsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Campaign life cycle: create with a computed sample plan, adjust it, edit questionnaires, open, close. Every
 * change is the supervising level's ({@link Access#requireSupervise}); the county only reads.
 */
@ApplicationScoped
public class SurveyService {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Db db;
    @Inject
    SurveyRepository surveys;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Registry registry;
    @Inject
    Access access;
    @Inject
    ResultsService results;
    @Inject
    SurveyStateCache cache;
    @Inject
    SurveyConfig config;

    public SampleRules rules() {
        SurveyConfig.Sample s = config.sample();
        return new SampleRules(s.permille(), s.smallCountyPopulation(), s.smallCountySample(), s.minParentShare());
    }

    public Survey create(Caller caller, SurveyInputs.CreateSurvey body) {
        SurveyInputs.Creation in = SurveyInputs.check(body);
        access.requireSupervise(caller, in.countyCode(), "creating a survey campaign");
        Registry.County county = registry.county(in.countyCode()).orElseThrow(() -> ProblemException.invalid("countyCode",
                "unknown county: no registry data has reached the survey service for it yet"));
        if (county.residentPopulation() == null || county.residentPopulation() <= 0) {
            throw ProblemException.invalid("countyCode", "the county's resident population is not recorded in the registry");
        }
        // urban / town / rural in proportion to resident population: given here, else the registry's figures;
        // registered schools per location only as a marked fallback
        Map<Location, Long> weights = new EnumMap<>(Location.class);
        weights.putAll(in.populationByLocation());
        String basis = SamplePlan.POPULATION;
        if (weights.isEmpty() && county.populationByLocation().values().stream().mapToLong(Long::longValue).sum() > 0) {
            weights.putAll(county.populationByLocation());
        }
        if (weights.isEmpty()) {
            weights.putAll(registry.schoolsByLocation(in.countyCode()));
            basis = weights.isEmpty() ? SamplePlan.NONE : SamplePlan.SCHOOLS_FALLBACK;
        }
        SamplePlan plan = SamplePlan.compute(county.residentPopulation(), weights, basis, rules());
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Survey survey = new Survey(UUID.randomUUID(), in.countyCode(), in.year(), in.standard(), in.opensAt(),
                in.closesAt(), SurveyStatus.DRAFT, county.residentPopulation(), plan, salt, caller.name(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, 0);
        try {
            db.tx(c -> {
                surveys.insert(c, survey);
                questionnaires.copyDefaults(c, survey.id(), in.standard());
                return null;
            });
        } catch (Db.DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                throw ProblemException.conflict("survey-exists",
                        "county " + in.countyCode() + " already has a survey campaign for " + in.year());
            }
            throw e;
        }
        return survey;
    }

    public Survey get(Caller caller, UUID id) {
        Survey s = find(id);
        access.requireRead(caller, s.countyCode());
        return s;
    }

    public List<Survey> list(Caller caller, String countyCode) {
        if (countyCode != null && !countyCode.matches("\\d{6}")) {
            throw ProblemException.invalid("countyCode", "must be a 6-digit county code, e.g. 999901");
        }
        return db.auto(c -> surveys.list(c, countyCode)).stream()
                .filter(s -> access.sees(caller, s.countyCode())).toList();
    }

    /**
     * A campaign reference in a path: its id, or its natural key {@code {countyCode}-{year}} (one campaign per
     * county and year), which scripts and the demo data can write without knowing the generated id.
     */
    public UUID resolve(String ref) {
        if (ref != null && ref.matches("\\d{6}-\\d{4}")) {
            return db.auto(c -> surveys.idOf(c, ref.substring(0, 6), Integer.parseInt(ref.substring(7))))
                    .orElseThrow(() -> ProblemException.notFound("no such survey or county in your jurisdiction"));
        }
        return SurveyResource.parseId(ref);
    }

    public Survey find(UUID id) {
        return db.auto(c -> surveys.find(c, id, false))
                .orElseThrow(() -> ProblemException.notFound("no such survey or county in your jurisdiction"));
    }

    public int requiredTotal(Survey s) {
        return SamplePlan.requiredTotal(s.population(), rules());
    }

    /** The supervising level adjusts the computed plan before opening; a bad plan is a 400 and nothing is stored. */
    public Survey adjustPlan(Caller caller, UUID id, SurveyInputs.PlanInput in) {
        Survey current = find(id);
        access.requireSupervise(caller, current.countyCode(), "adjusting the sample plan");
        SamplePlan candidate = SurveyInputs.plan(in, current.plan());
        Validation v = new Validation();
        SamplePlan.validate(candidate, requiredTotal(current), current.population(), rules(), v);
        v.throwIfInvalid();
        if (in.byLocation() == null) {
            // keep the proportions of the current split, re-apportioned to the new school-bound total
            Map<Location, Long> weights = new EnumMap<>(Location.class);
            current.plan().byLocation().forEach((l, n) -> weights.put(l, (long) n));
            candidate = new SamplePlan(candidate.total(), candidate.byGroup(),
                    SamplePlan.apportion((int) candidate.schoolBoundTotal(), weights), current.plan().locationBasis());
        }
        SamplePlan plan = candidate;
        return db.tx(c -> {
            Survey s = lockDraft(c, id, "the sample plan can only be adjusted before the campaign opens");
            surveys.updatePlan(c, id, plan);
            return surveys.find(c, s.id(), false).orElseThrow();
        });
    }

    public Map<Form, List<Item>> questionnaires(Caller caller, UUID id) {
        Survey s = find(id);
        access.requireRead(caller, s.countyCode());
        return db.auto(c -> questionnaires.all(c, id));
    }

    /** Replaces one questionnaire's items; only while the campaign is a draft (frozen once open: 409). */
    public List<Item> replaceItems(Caller caller, UUID id, Form form, List<Item> items) {
        Survey current = find(id);
        access.requireSupervise(caller, current.countyCode(), "editing the questionnaires");
        Validation v = new Validation();
        if (items == null || items.isEmpty()) {
            v.add("items", "at least one item is required");
        } else {
            if (items.size() > 60) {
                v.add("items", "at most 60 items");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                if (item == null) {
                    v.add("items[" + i + "]", "is required");
                    continue;
                }
                if (item.id() == null || !item.id().matches("[A-Za-z0-9_-]{1,32}")) {
                    v.add("items[" + i + "].id", "must be 1-32 letters, digits, '_' or '-'");
                } else if (!ids.add(item.id())) {
                    v.add("items[" + i + "].id", "duplicate id " + item.id());
                }
                if (item.text() == null || item.text().isBlank()) {
                    v.add("items[" + i + "].text", "must not be blank");
                } else if (item.text().length() > 500) {
                    v.add("items[" + i + "].text", "at most 500 characters");
                }
            }
        }
        v.throwIfInvalid();
        List<Item> clean = items.stream().map(i -> new Item(i.id(), i.text().strip())).toList();
        db.tx(c -> {
            lockDraft(c, id, "questionnaires are frozen once the campaign has opened");
            questionnaires.replace(c, id, form, clean);
            return null;
        });
        cache.invalidate(id);
        return clean;
    }

    public Survey open(Caller caller, UUID id) {
        Survey current = find(id);
        access.requireSupervise(caller, current.countyCode(), "opening the campaign");
        Survey s = db.tx(c -> {
            Survey locked = surveys.find(c, id, true).orElseThrow();
            if (locked.status() == SurveyStatus.CLOSED) {
                throw ProblemException.conflict("survey-closed", "the campaign is closed and cannot be reopened");
            }
            if (locked.status() == SurveyStatus.DRAFT) {
                if (!Instant.now().isBefore(locked.closesAt())) {
                    throw ProblemException.conflict("survey-expired", "the campaign's closing time has passed");
                }
                surveys.markOpen(c, id, Instant.now());
            }
            return surveys.find(c, id, false).orElseThrow();
        });
        cache.invalidate(id);
        return s;
    }

    public Survey close(Caller caller, UUID id) {
        Survey current = find(id);
        access.requireSupervise(caller, current.countyCode(), "closing the campaign");
        Survey s = db.tx(c -> closeLocked(c, id));
        results.sendNow();
        cache.invalidate(id);
        return s;
    }

    /** Closes the campaign and writes the final results event in the same transaction. Idempotent. */
    public Survey closeLocked(Connection c, UUID id) throws SQLException {
        Survey locked = surveys.find(c, id, true).orElseThrow();
        if (locked.status() != SurveyStatus.CLOSED) {
            surveys.markClosed(c, id, Instant.now());
            Survey closed = surveys.find(c, id, false).orElseThrow();
            results.enqueue(c, closed, true);
            return surveys.find(c, id, false).orElseThrow();
        }
        return locked;
    }

    private Survey lockDraft(Connection c, UUID id, String message) throws SQLException {
        Survey s = surveys.find(c, id, true).orElseThrow(() -> ProblemException.notFound("no such survey"));
        if (s.status() != SurveyStatus.DRAFT) {
            throw ProblemException.conflict("survey-not-draft", message + " (status " + s.status() + ")");
        }
        return s;
    }
}
