package dev.raven.web;

/** Thrown by page handlers for a missing thing; answered with the HTML 404 page. */
public final class PageNotFound extends RuntimeException {
    public PageNotFound() {
        super("page not found", null, false, false);
    }
}
