package io.balance.survey.questionnaire;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balance.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Questionnaire items per campaign and form; each campaign starts from the default items (data, not code). */
@ApplicationScoped
public class Questionnaires {
    @Inject
    ObjectMapper json;

    private final Map<Standard, Map<Form, List<Item>>> defaults = new java.util.concurrent.ConcurrentHashMap<>();

    /** The default items of a standard's questionnaire set (data files, one per standard). */
    public Map<Form, List<Item>> defaults(Standard standard) {
        return defaults.computeIfAbsent(standard, s -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(s.defaults)) {
                return json.readValue(in, new TypeReference<EnumMap<Form, List<Item>>>() {
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void copyDefaults(Connection c, UUID surveyId, Standard standard) throws SQLException {
        for (Map.Entry<Form, List<Item>> e : defaults(standard).entrySet()) {
            replace(c, surveyId, e.getKey(), e.getValue());
        }
    }

    public void replace(Connection c, UUID surveyId, Form form, List<Item> items) throws SQLException {
        Sql.update(c, "DELETE FROM questionnaire_item WHERE survey_id = ? AND form = ?", surveyId, form.name());
        Sql.batch(c, "INSERT INTO questionnaire_item (survey_id, form, position, item_id, text) VALUES (?,?,?,?,?)",
                items, (item, position) -> new Object[] {surveyId, form.name(), position, item.id(), item.text()});
    }

    public Map<Form, List<Item>> all(Connection c, UUID surveyId) throws SQLException {
        Map<Form, List<Item>> out = new EnumMap<>(Form.class);
        for (Form f : Form.values()) {
            out.put(f, new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT form, item_id, text FROM questionnaire_item WHERE survey_id = ? ORDER BY form, position")) {
            ps.setObject(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.get(Form.valueOf(rs.getString(1))).add(new Item(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
