package io.balance.gateway.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.balance.gateway.routing.CanonicalPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One decoding, one meaning: what a raw path becomes, and what has no single meaning. */
class CanonicalPathTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/auth/token          | /api/v1/auth/token      | /api/v1/auth/token",
            "/%61pi/v1/auth/token        | /api/v1/auth/token      | /api/v1/auth/token",
            "/%61%70%69/v1/users         | /api/v1/users           | /api/v1/users",
            "/api/v1/users/a%40b.cn      | /api/v1/users/a@b.cn    | /api/v1/users/a@b.cn",
            "/api/v1/users/%e5%BC%A0     | /api/v1/users/张         | /api/v1/users/%E5%BC%A0",
            "/api/v1/users/a%20b         | /api/v1/users/a b       | /api/v1/users/a%20b",
            "/api/v1/users/a%3bb         | /api/v1/users/a;b       | /api/v1/users/a%3Bb",
            "/swagger-ui/                | /swagger-ui/            | /swagger-ui/",
            "/                           | /                       | /",
            "/api/v1/schools/a.b..c      | /api/v1/schools/a.b..c  | /api/v1/schools/a.b..c",
    })
    void decodesOnceAndReencodesOneWay(String raw, String decoded, String encoded) throws Exception {
        CanonicalPath path = CanonicalPath.of(raw);
        assertEquals(decoded, path.decoded());
        assertEquals(encoded, path.encoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1%2Fauth/token", "/api/v1%2fusers", "/api/v1/%2e%2e/auth/token", "/api/v1/%2E/users",
            "/api/v1/public/../users", "/api/v1/./users", "/api/v1/users/..", "/api//v1/users", "//api/v1/users",
            "/api/v1/users;x=1", "/api/v1/auth/token;", "/api/v1\\users", "/api/v1/%5cusers", "/api/v1/users/%",
            "/api/v1/users/%2", "/api/v1/users/%zz", "/api/v1/users/%00", "/api/v1/users/a%0ab", "/api/v1/users/%7f",
            "/api/v1/users/%c0%af", "/api/v1/users/%c0%ae%c0%ae", "/api/v1/users/%e0%80%af", "/api/v1/users/%ff",
            "/api/v1/users/%c2%85", "/api/v1/users/%2561", "/api/v1/users/a b", "/api/v1/users/\u00e9", "",
            "api/v1/users", "/api/v1/users/{x}", "/api/v1/users/a\u0000",
    })
    void refusesWhatALaterHopCouldReadDifferently(String raw) {
        assertThrows(CanonicalPath.Ambiguous.class, () -> CanonicalPath.of(raw));
    }
}
