package io.balance.survey.common;

import io.balance.survey.config.SurveyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from the one service secret ({@code balance.survey.secret}, env {@code BALANCE_SURVEY_SECRET};
 * no default outside test and dev, so a production start without it fails).
 */
@ApplicationScoped
public class Secrets {
    private final byte[] clientKey;
    private final byte[] sealKey;

    public Secrets(SurveyConfig config) {
        String secret = config.secret();
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("balance.survey.secret must be at least 16 characters");
        }
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        this.clientKey = hmac(master, "client-address".getBytes(StandardCharsets.UTF_8));
        this.sealKey = hmac(master, "invitation-seal".getBytes(StandardCharsets.UTF_8));
    }

    /** Key for the keyed hash of client address ranges. */
    public byte[] clientKey() {
        return clientKey.clone();
    }

    /** AES-256 key sealing a batch's codes so its sheet can be printed again. */
    public byte[] sealKey() {
        return sealKey.clone();
    }

    public static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
