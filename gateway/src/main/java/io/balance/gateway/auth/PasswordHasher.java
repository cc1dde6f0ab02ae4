package io.balance.gateway.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt (Modular Crypt Format, "$2a$11$..."): salted, deliberately slow, cost stored in each hash. */
public final class PasswordHasher {
    static final int COST = 11;
    /** Verified against when the account does not exist, so timing does not reveal which names exist. */
    static final String DUMMY = BcryptUtil.bcryptHash("not-a-real-password", COST);

    private PasswordHasher() {
    }

    public static String hash(String secret) {
        return BcryptUtil.bcryptHash(secret, COST);
    }

    public static boolean matches(String secret, String hash) {
        try {
            Password raw = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            BCryptPassword restored = (BCryptPassword) factory.translate(raw);
            return factory.verify(restored, secret.toCharArray());
        } catch (InvalidKeySpecException | NoSuchAlgorithmException | InvalidKeyException | RuntimeException e) {
            return false;
        }
    }
}
