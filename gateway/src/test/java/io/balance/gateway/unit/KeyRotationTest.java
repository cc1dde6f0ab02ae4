package io.balance.gateway.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Key rotation without downtime, as gateway/README.md describes it: verifiers read a JWKS holding the old and the
 * new public key (each with its {@code kid}); tokens signed with either verify; once the old key is dropped, its
 * tokens no longer do.
 */
class KeyRotationTest {
    @Test
    void aKeySetWithOldAndNewKeysAcceptsTokensOfBoth() throws Exception {
        KeyPair old = rsa();
        KeyPair fresh = rsa();
        String oldToken = token(old, "2025-01");
        String newToken = token(fresh, "2025-07");

        JWTAuthContextInfo both = context(jwks(jwk(old, "2025-01"), jwk(fresh, "2025-07")));
        assertEquals("alice", new DefaultJWTParser(both).parse(oldToken).getName());
        assertEquals("alice", new DefaultJWTParser(both).parse(newToken).getName());

        JWTAuthContextInfo onlyNew = context(jwks(jwk(fresh, "2025-07")));
        assertEquals("alice", new DefaultJWTParser(onlyNew).parse(newToken).getName());
        assertThrows(ParseException.class, () -> new DefaultJWTParser(onlyNew).parse(oldToken));
    }

    private static String token(KeyPair pair, String kid) {
        return Jwt.issuer("https://balance.local/gateway").upn("alice").groups(Set.of("VIEWER"))
                .claim("jurisdiction", "410000").expiresIn(300)
                .jws().keyId(kid).sign(pair.getPrivate());
    }

    private static JWTAuthContextInfo context(String jwks) throws Exception {
        Path file = Files.createTempFile("jwks", ".json");
        Files.writeString(file, jwks);
        JWTAuthContextInfo info = new JWTAuthContextInfo(file.toUri().toString(), "https://balance.local/gateway");
        return info;
    }

    private static String jwks(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    private static String jwk(KeyPair pair, String kid) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"" + kid + "\",\"n\":\""
                + b64.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}";
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
