package io.balance.survey.invitation;

import io.balance.survey.common.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a batch's codes with AES-256-GCM so the printable sheet can be produced again by its issuer, while
 * the database alone (hashes plus ciphertext) does not reveal a usable code.
 */
@ApplicationScoped
public class CodeSealer {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Secrets secrets;

    public byte[] seal(List<String> codes, byte[] associatedData) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secrets.sealKey(), "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(String.join("\n", codes).getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> open(byte[] sealed, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secrets.sealKey(), "AES"),
                    new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 0, 12)));
            cipher.updateAAD(associatedData);
            String text = new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII);
            return List.of(text.split("\n"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the sealed codes (was balance.survey.secret changed?)", e);
        }
    }
}
