package dev.raven.web;

import dev.raven.http.ApiException;

import java.util.function.Supplier;

/** Thrown by page handlers for a missing thing; answered with the HTML 404 page. */
public final class PageNotFound extends RuntimeException {
    public PageNotFound() {
        super("page not found", null, false, false);
    }

    /** The service's answer, its 404 turned into this page's (other errors pass through). */
    public static <T> T unlessMissing(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new PageNotFound();
            }
            throw e;
        }
    }
}
