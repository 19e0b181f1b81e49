package dev.raven.web;

/** A state-changing web request without the session's CSRF token: answered with a plain 403 page. */
public final class CsrfRefused extends RuntimeException {
    public CsrfRefused() {
        super("csrf token missing or wrong", null, false, false);
    }
}
