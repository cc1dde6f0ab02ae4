package io.balance.survey.questionnaire;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    public static final String DEFAULTS = "questionnaires/default-zh.json";

    @Inject
    ObjectMapper json;

    private volatile Map<Form, List<Item>> defaults;

    public Map<Form, List<Item>> defaults() {
        if (defaults == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULTS)) {
                Map<Form, List<Item>> loaded = json.readValue(in, new TypeReference<EnumMap<Form, List<Item>>>() {
                });
                defaults = loaded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return defaults;
    }

    public void copyDefaults(Connection c, UUID surveyId) throws SQLException {
        for (Map.Entry<Form, List<Item>> e : defaults().entrySet()) {
            replace(c, surveyId, e.getKey(), e.getValue());
        }
    }

    public void replace(Connection c, UUID surveyId, Form form, List<Item> items) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM questionnaire_item WHERE survey_id = ? AND form = ?")) {
            del.setObject(1, surveyId);
            del.setString(2, form.name());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO questionnaire_item (survey_id, form, position, item_id, text) VALUES (?,?,?,?,?)")) {
            int position = 0;
            for (Item item : items) {
                ps.setObject(1, surveyId);
                ps.setString(2, form.name());
                ps.setInt(3, position++);
                ps.setString(4, item.id());
                ps.setString(5, item.text());
                ps.addBatch();
            }
            ps.executeBatch();
        }
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
