package dev.raven.web;

import dev.raven.auth.Principal;

/**
 * What the layout needs on every page: the title, who is signed in (null if nobody), the CSRF
 * token of their session, the colour theme ("light", "dark" or "auto"), the asset URLs, and
 * how many unread notifications they have (the nav's badge).
 */
public record Page(String title, Principal viewer, String csrf, String theme, Assets assets, int unread) {
    /** The badge's text: the count, or "999+" at the count's ceiling. */
    public String unreadText() {
        return unread >= dev.raven.notify.Notifications.UNREAD_CEILING ? (unread - 1) + "+" : Integer.toString(unread);
    }

    public boolean signedIn() {
        return viewer != null;
    }
}
