package dev.raven.web;

/** A signed-in page asked for without a live browser session: answered by a redirect to log in. */
public final class SignInRequired extends RuntimeException {
    public SignInRequired() {
        super("sign in required", null, false, false);
    }
}
