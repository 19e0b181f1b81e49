package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.raven.support.Social.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web pages of blocks, mutes, reports, invites and the moderation section. */
@WithServer(social = true)
class WebModerationTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void profileButtonsBlockAndMuteAndSettingsListsThemWithUndo() {
        TestUser me = social.user("webblocker");
        TestUser them = social.user("webblocked");
        WebClient web = WebClient.signedIn(server, me);
        WebClient.Page profile = web.get("/users/" + them.userId());
        assertTrue(profile.body().contains("action=\"/users/" + them.userId() + "/block\""), profile.body());
        assertTrue(profile.body().contains("/report?type=profile&amp;id=" + them.userId()));

        assertEquals(303, web.post("/users/" + them.userId() + "/block", Map.of()).status());
        assertEquals(303, web.post("/users/" + them.userId() + "/mute", Map.of()).status());
        profile = web.get("/users/" + them.userId());
        assertTrue(profile.body().contains("You have blocked this account."), profile.body());
        assertTrue(profile.body().contains("Unmute"));
        assertTrue(social.profileAs(me, them).get("blocking").asBoolean());

        WebClient.Page settings = web.get("/settings/blocked");
        assertEquals(200, settings.status());
        assertTrue(settings.body().contains("@" + them.username()), settings.body());
        assertEquals(303, web.post("/users/" + them.userId() + "/block", Map.of("back", "/settings/blocked")).status());
        assertEquals(303, web.post("/users/" + them.userId() + "/mute", Map.of("back", "/settings/blocked")).status());
        assertFalse(social.profileAs(me, them).get("blocking").asBoolean());
        assertFalse(social.profileAs(me, them).get("muting").asBoolean());
        assertTrue(web.get("/settings/blocked").body().contains("You have not blocked anyone."));
        // the blocked side: the blocker's profile page is a 404
        expect(social.block(me, them), 202);
        assertEquals(404, WebClient.signedIn(server, them).get("/users/" + me.userId()).status());
    }

    @Test
    void aReportFromTheWebIsReceived() {
        TestUser author = social.user("webreported");
        TestUser reporter = social.user("webreporter");
        long tweet = social.tweet(author, "reported from the web");
        WebClient web = WebClient.signedIn(server, reporter);
        assertTrue(web.get("/tweets/" + tweet).body().contains("/report?type=tweet&amp;id=" + tweet));
        WebClient.Page form = web.get("/report?type=tweet&id=" + tweet);
        assertEquals(200, form.status());
        assertTrue(form.body().contains("name=\"reason\""));
        WebClient.Page missing = web.post("/report", Map.of("type", "tweet", "id", String.valueOf(tweet)));
        assertEquals(422, missing.status(), missing.body());
        WebClient.Page done = web.post("/report", Map.of("type", "tweet", "id", String.valueOf(tweet), "reason", "spam",
                "comment", "from the web"));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Report received"));
        assertEquals(404, web.get("/report?type=planet&id=1").status());
        assertEquals(404, web.get("/report?type=tweet&id=abc").status());
        assertEquals(404, web.post("/report", Map.of("type", "tweet", "id", "999999999", "reason", "spam")).status());
    }

    @Test
    void theModerationSectionIsOnlyForModerators() {
        TestUser plain = social.user("webplain");
        WebClient web = WebClient.signedIn(server, plain);
        assertFalse(web.get("/").body().contains("href=\"/moderation\""));
        for (String path : new String[]{"/moderation", "/moderation/pending", "/moderation/log"}) {
            assertEquals(403, web.get(path).status(), path);
        }
        assertEquals(403, web.post("/moderation/reports/1/resolve", Map.of("action", "dismiss")).status());
        assertEquals(303, WebClient.of(server).get("/moderation").status()); // signed out: to the login page
    }

    @Test
    void aModeratorWorksTheQueueFromTheWebAndAnAdminReadsTheLog() {
        TestUser author = social.user("webbad");
        TestUser reporter = social.user("webrep");
        TestUser mod = Staff.moderator(social, jdbi, "webmod");
        TestUser admin = Staff.admin(social, jdbi, "webadmin");
        long tweet = social.tweet(author, "web queue item");
        expect(api.post("/api/moderation/report/", Map.of("target_type", "tweet", "target_id", tweet, "reason", "abuse"),
                reporter.access()), 201);
        WebClient web = WebClient.signedIn(server, mod);
        assertTrue(web.get("/").body().contains("href=\"/moderation\""));
        WebClient.Page queue = web.get("/moderation");
        assertEquals(200, queue.status());
        assertTrue(queue.body().contains("web queue item"), queue.body());
        long reportId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM reports WHERE target_id = :t")
                .bind("t", tweet).mapTo(Long.class).one());
        WebClient.Page resolved = web.post("/moderation/reports/" + reportId + "/resolve",
                Map.of("action", "delete", "reason", "abusive"));
        assertEquals(303, resolved.status(), resolved.body());
        assertEquals(404, api.get("/api/tweets/get_tweet/" + tweet + "/", reporter.access()).status());
        assertEquals(403, web.get("/moderation/log").status());

        WebClient adminWeb = WebClient.signedIn(server, admin);
        WebClient.Page log = adminWeb.get("/moderation/log");
        assertEquals(200, log.status());
        assertTrue(log.body().contains("delete_tweet") && log.body().contains("abusive"), log.body());
    }

    @Test
    void invitesPageCreatesCodesForAdmins() {
        TestUser admin = Staff.admin(social, jdbi, "webinviter");
        WebClient web = WebClient.signedIn(server, admin);
        WebClient.Page bad = web.post("/invites", Map.of("max_uses", "zero"));
        assertEquals(422, bad.status());
        WebClient.Page created = web.post("/invites", Map.of("max_uses", "3", "expires_in_days", "2"));
        assertEquals(303, created.status(), created.body());
        WebClient.Page list = web.get(created.location());
        assertTrue(list.body().contains("New invite code"), list.body());
        assertTrue(list.body().contains("0 of 3 used"), list.body());
        TestUser plain = social.user("webnoinvite");
        WebClient.Page plainPage = WebClient.signedIn(server, plain).get("/invites");
        assertEquals(200, plainPage.status());
        assertTrue(plainPage.body().contains("made by its admins"));
    }
}
