package dev.raven.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt hashing, with a dummy check so a login for a missing user costs the same time. */
public final class PasswordHasher {
    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("raven-dummy-password-for-timing");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return false; // never a valid password here; bcrypt would reject it anyway
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends one bcrypt verification for nothing: the missing-user path of a login. */
    public void verifyDummy(String password) {
        verify(password.length() > 72 ? password.substring(0, 72) : password, dummyHash);
    }
}
