package io.balance.infra;

import io.balance.contracts.TokenClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An RS256 signing key pair for the embedded default and tests, written as PEM files
 * ({@code private.pem}, PKCS#8; {@code public.pem}, X.509) that the gateway and the services read from
 * configuration. Also mints tokens in the shape of {@link TokenClaims}, so tests and the local run can act
 * as any role without the gateway.
 */
public record JwtKeys(Path privateKeyFile, Path publicKeyFile, PrivateKey privateKey) {
    /** The files only: the key itself stays out of logs. */
    @Override
    public String toString() {
        return "JwtKeys[" + privateKeyFile + ", " + publicKeyFile + "]";
    }

    /** Loads the pair from {@code directory}, generating it on first use. */
    public static JwtKeys inDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateFile = directory.resolve("private.pem");
            Path publicFile = directory.resolve("public.pem");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                privateFile.toFile().setReadable(false, false);
                privateFile.toFile().setReadable(true, true);
            }
            String body = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new JwtKeys(privateFile, publicFile, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token valid for an hour. {@code jurisdiction} is null for SYSTEM_ADMIN. */
    public String mint(String subject, String role, String jurisdiction) {
        return mint(subject, role, jurisdiction, Duration.ofHours(1));
    }

    public String mint(String subject, String role, String jurisdiction, Duration validity) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder()
                .append("{\"iss\":").append(quote(TokenClaims.ISSUER))
                .append(",\"aud\":").append(quote(TokenClaims.AUDIENCE))
                .append(",\"sub\":").append(quote(subject))
                .append(",\"upn\":").append(quote(subject))
                .append(",\"groups\":[").append(quote(role)).append(']')
                .append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(validity).getEpochSecond())
                .append(",\"jti\":").append(quote(UUID.randomUUID().toString()));
        if (jurisdiction != null) {
            claims.append(",\"").append(TokenClaims.JURISDICTION).append("\":").append(quote(jurisdiction));
        }
        claims.append('}');
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
