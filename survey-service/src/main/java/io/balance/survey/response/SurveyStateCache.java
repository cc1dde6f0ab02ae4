package io.balance.survey.response;

import io.balance.survey.campaign.Survey;
import io.balance.survey.campaign.SurveyRepository;
import io.balance.survey.common.Db;
import io.balance.survey.config.SurveyConfig;
import io.balance.survey.questionnaire.Form;
import io.balance.survey.questionnaire.Item;
import io.balance.survey.questionnaire.Questionnaires;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The campaign state the public submit path needs (status, times, item ids), cached for a short time so a
 * submission costs one lookup and one insert. Local changes invalidate at once; other replicas see a change
 * within the TTL (and the closing time itself is checked on every request).
 */
@ApplicationScoped
public class SurveyStateCache {
    @Inject
    Db db;
    @Inject
    SurveyRepository surveys;
    @Inject
    Questionnaires questionnaires;

    @Inject
    SurveyConfig config;

    public record State(Survey survey, Map<Form, List<Item>> items, Map<Form, Set<String>> itemIds) {
    }

    private record Entry(State state, long loadedAt) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    public Optional<State> get(UUID surveyId) {
        Entry e = entries.get(surveyId);
        long now = System.currentTimeMillis();
        if (e != null && now - e.loadedAt() < config.stateCacheTtl().toMillis()) {
            return Optional.of(e.state());
        }
        State loaded = db.auto(c -> {
            Optional<Survey> s = surveys.find(c, surveyId, false);
            if (s.isEmpty()) {
                return null;
            }
            Map<Form, List<Item>> items = questionnaires.all(c, surveyId);
            Map<Form, Set<String>> ids = new EnumMap<>(Form.class);
            items.forEach((f, list) -> {
                Set<String> set = new LinkedHashSet<>();
                list.forEach(i -> set.add(i.id()));
                ids.put(f, set);
            });
            return new State(s.get(), items, ids);
        });
        if (loaded == null) {
            return Optional.empty();
        }
        entries.put(surveyId, new Entry(loaded, now));
        return Optional.of(loaded);
    }

    public void invalidate(UUID surveyId) {
        entries.remove(surveyId);
    }
}
