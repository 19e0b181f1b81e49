package dev.raven.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt hashing, with a dummy check so a login for a missing user costs the same time. */
public final class PasswordHasher {
    private static final String DUMMY_PASSWORD = "raven-dummy-password-for-timing";

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash(DUMMY_PASSWORD);
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            // Never a valid password here (bcrypt takes at most 72 bytes), but answering at
            // once would tell a caller which usernames exist: spend the same work first.
            BCrypt.verifyer().verify(DUMMY_PASSWORD.toCharArray(), dummyHash);
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends one bcrypt verification for nothing: the missing-user path of a login. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }
}
