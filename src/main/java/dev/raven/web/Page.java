package dev.raven.web;

import dev.raven.auth.Principal;

/**
 * What the layout needs on every page: the title, who is signed in (null if nobody), the CSRF
 * token of their session, the colour theme ("light", "dark" or "auto") and the asset URLs.
 */
public record Page(String title, Principal viewer, String csrf, String theme, Assets assets) {
    public boolean signedIn() {
        return viewer != null;
    }
}
