package io.balance.school.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Quarkus REST binds request bodies to the typed request records with the strict settings of {@link Json#strict}. */
@Singleton
public class StrictRequestJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        Json.strict(mapper);
    }
}
