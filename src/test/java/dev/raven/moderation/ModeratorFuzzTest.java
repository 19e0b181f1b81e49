package dev.raven.moderation;

import dev.raven.support.Api;
import dev.raven.support.FuzzInputs;
import dev.raven.support.RawHttp;
import dev.raven.support.Social;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz suite (app/RouteFuzzTest) calls every route as a plain user, which the moderator
 * and admin routes turn away at once. Here an admin sends the same bad bodies to each of them,
 * with ids that name real things: no answer may be a 5xx or an error that is not JSON.
 */
@WithServer(value = {"http.max.body.bytes=16384", "ratelimit.enabled=false", "registration.mode=approval"}, social = true)
class ModeratorFuzzTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void moderatorRoutesSurviveBadBodiesFromAnAdmin() {
        TestUser admin = Staff.account(api, jdbi, Api.uniqueName("FuzzAdmin"), "admin");
        TestUser author = Staff.account(api, jdbi, Api.uniqueName("FuzzAuthor"), "user");
        TestUser reporter = Staff.account(api, jdbi, Api.uniqueName("FuzzReporter"), "user");
        long tweet = social.tweet(author, "fuzz me");
        long reply = social.reply(author, tweet, "and me");
        api.post("/api/moderation/report/", Map.of("target_type", "tweet", "target_id", tweet, "reason", "spam"),
                reporter.access());
        long report = jdbi.withHandle(h -> h.createQuery("SELECT MAX(id) FROM reports").mapTo(Long.class).one());
        long invite = api.post("/api/invites/", Map.of(), admin.access()).json().get("id").asLong();

        List<String[]> routes = List.of(
                new String[]{"POST", "/api/moderation/report/"},
                new String[]{"POST", "/api/moderation/reports/" + report + "/resolve/"},
                new String[]{"DELETE", "/api/moderation/tweets/" + tweet + "/"},
                new String[]{"DELETE", "/api/moderation/replies/" + reply + "/"},
                new String[]{"POST", "/api/moderation/users/" + author.userId() + "/suspend/"},
                new String[]{"POST", "/api/moderation/users/" + author.userId() + "/silence/"},
                new String[]{"PUT", "/api/moderation/users/" + author.userId() + "/role/"},
                new String[]{"POST", "/api/moderation/pending/" + author.userId() + "/approve/"},
                new String[]{"POST", "/api/moderation/pending/" + author.userId() + "/reject/"},
                new String[]{"POST", "/api/invites/"},
                new String[]{"DELETE", "/api/invites/" + invite + "/"},
                new String[]{"POST", "/api/profiles/block/" + author.userId() + "/"},
                new String[]{"POST", "/api/auth/user/register/"});
        RawHttp http = new RawHttp(server.app().port(), 15_000);
        int sent = 0;
        for (String[] route : routes) {
            for (FuzzInputs.Body body : FuzzInputs.bodies(16384)) {
                Map<String, String> headers = new HashMap<>();
                headers.put("Authorization", "JWT " + admin.access());
                if (body.contentType() != null) {
                    headers.put("Content-Type", body.contentType());
                }
                RawHttp.Response res = http.send(route[0], route[1], headers, body.bytes());
                String what = route[0] + " " + route[1] + " with " + body.name() + ": " + res;
                assertTrue(res.status() > 0 && res.status() < 500, what);
                if (res.status() >= 400) {
                    RawHttp.assertJsonError(res);
                }
                sent++;
            }
        }
        assertTrue(sent > 100);
    }
}
