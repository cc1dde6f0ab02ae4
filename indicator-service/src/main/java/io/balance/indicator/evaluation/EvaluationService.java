package io.balance.indicator.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.indicator.intake.ReadModel.Affected;
import io.balance.indicator.ruleset.RuleSet;
import io.balance.indicator.ruleset.RuleSetChoice;
import io.balance.indicator.ruleset.RuleSetService;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluations from the county inputs. Reads evaluate on demand; an evaluation is a pure function of inputs and
 * rules, so it (and its JSON) is cached on the county's input version and the rule set's version. Writes of
 * inputs call {@link #recompute} in their transaction: it evaluates the affected county-years under every
 * applicable rule set and hands each to {@link EvaluationStore}.
 */
@ApplicationScoped
public class EvaluationService {
    static final String EVALUATIONS_CACHE = "indicator-evaluations";

    @Inject
    CountyInputsRepository inputs;
    @Inject
    EvaluationStore store;
    @Inject
    RuleSetService ruleSets;
    @Inject
    ObjectMapper json;
    /** This bean through its proxy, so that the cache applies to calls from within. */
    @Inject
    EvaluationService self;

    /** An evaluation and its JSON, serialised once, on the first read that asks for it (a 500-school county is ~400 KB). */
    public static final class Evaluated {
        private final Evaluation evaluation;
        private volatile byte[] json;

        Evaluated(Evaluation evaluation) {
            this.evaluation = evaluation;
        }

        public Evaluation evaluation() {
            return evaluation;
        }
    }

    public Evaluation evaluate(String countyCode, int year, RuleSet rules) {
        return evaluated(countyCode, year, rules, null).evaluation;
    }

    /** The evaluation as JSON, saying which rule set was applied and why. */
    public byte[] evaluationJson(String countyCode, int year, RuleSetChoice.Chosen chosen) {
        Evaluated e = evaluated(countyCode, year, chosen.rules(), chosen.choice());
        byte[] bytes = e.json;
        if (bytes == null) {
            try {
                bytes = json.writeValueAsBytes(e.evaluation);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
            e.json = bytes;
        }
        return bytes;
    }

    private Evaluated evaluated(String countyCode, int year, RuleSet rules, RuleSetChoice choice) {
        CountyInputs in = inputs.inputs(countyCode, year);
        String choiceKey = choice == null ? "-" : choice.requested() + "/" + choice.applied();
        return self.evaluated(countyCode, year, in.version(), rules.code(), rules.version() == null ? 1 : rules.version(),
                choiceKey, in, rules, choice);
    }

    /** Keyed on what the evaluation depends on; {@code in}, {@code rules} and {@code choice} follow from the key. */
    @CacheResult(cacheName = EVALUATIONS_CACHE)
    public Evaluated evaluated(@CacheKey String countyCode, @CacheKey int year, @CacheKey long inputVersion,
            @CacheKey String ruleSet, @CacheKey int ruleSetVersion, @CacheKey String choiceKey, CountyInputs in,
            RuleSet rules, RuleSetChoice choice) {
        Evaluation e = Evaluator.evaluate(in, rules);
        return new Evaluated(choice == null ? e : e.withChoice(choice));
    }

    /** Re-evaluates the affected county-years under every applicable rule set; returns how many changed. */
    public int recompute(Connection c, Collection<Affected> affected) throws SQLException {
        Set<String> keys = new TreeSet<>();
        for (Affected a : affected) {
            if (a.year() != null) {
                keys.add(a.countyCode() + "/" + a.year());
            } else {
                for (int year : CountyInputsRepository.years(c, a.countyCode())) {
                    keys.add(a.countyCode() + "/" + year);
                }
            }
        }
        int changed = 0;
        for (String key : keys) {
            String county = key.substring(0, 6);
            int year = Integer.parseInt(key.substring(7));
            CountyInputs in = inputs.load(c, county, year, CountyInputsRepository.version(c, county));
            for (RuleSet rules : ruleSets.applicable(c, county)) {
                if (store.store(c, Evaluator.evaluate(in, rules), in, rules)) {
                    changed++;
                }
            }
        }
        return changed;
    }
}
