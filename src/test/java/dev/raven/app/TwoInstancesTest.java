package dev.raven.app;

import dev.raven.support.Counters;
import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Race;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Raven instances on one PostgreSQL schema with one shared jwt.secret, as behind a load
 * balancer: whatever one instance does, the other sees at once, because it lives in the
 * database. Rate limits are the documented exception: each instance counts its own.
 */
@RequiresPostgres
class TwoInstancesTest {
    static final int LOGIN_LIMIT = 3;

    static TwoInstances both;
    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        both = TwoInstances.start(Map.of(
                "ratelimit.register.max", "1000",
                "ratelimit.login.max", String.valueOf(LOGIN_LIMIT)));
        a = both.a();
        b = both.b();
    }

    @AfterAll
    static void stop() {
        if (both != null) {
            both.close();
        }
    }

    @Test
    void aTokenFromOneInstanceWorksOnTheOther() {
        TestUser user = a.api().register(Api.uniqueName("roamer"));
        Api.Res me = b.api().get("/api/auth/user/current_user/", user.access());
        assertEquals(202, me.status(), me.toString());
        assertEquals(user.username(), me.json().get("username").asText());

        String accessFromB = b.api().login(user.username(), TestUser.PASSWORD).json().get("access").asText();
        assertEquals(202, a.api().get("/api/auth/user/current_user/", accessFromB).status());
    }

    @Test
    void aRefreshOnOneInstanceGivesTokensTheOtherAccepts() {
        TestUser user = a.api().register(Api.uniqueName("refresher"));
        JsonNode pair = b.api().post("/api/auth/refresh_token/", Map.of("refresh", user.refresh()), null).json();
        assertEquals(202, a.api().get("/api/auth/user/current_user/", pair.get("access").asText()).status());
        assertEquals(200, a.api().post("/api/auth/refresh_token/", Map.of("refresh", pair.get("refresh").asText()), null)
                .status());
    }

    @Test
    void logoutOnOneInstanceEndsTheSessionOnTheOtherAtOnce() {
        TestUser user = a.api().register(Api.uniqueName("leaver"));
        assertEquals(202, b.api().get("/api/auth/user/current_user/", user.access()).status());

        assertEquals(205, a.api().post("/api/auth/user/logout/", Map.of("refresh_token", user.refresh()), user.access())
                .status());

        Api.Res onB = b.api().get("/api/auth/user/current_user/", user.access());
        assertEquals(401, onB.status());
        assertEquals("token_not_valid", onB.json().get("code").asText());
        assertEquals(401, b.api().post("/api/auth/refresh_token/", Map.of("refresh", user.refresh()), null).status());
    }

    @Test
    void logoutEverywhereOnOneInstanceEndsSessionsStartedOnTheOther() {
        TestUser user = a.api().register(Api.uniqueName("everywhere"));
        String accessFromB = b.api().login(user.username(), TestUser.PASSWORD).json().get("access").asText();

        assertEquals(205, a.api().post("/api/auth/user/logout_all/", null, user.access()).status());

        assertEquals(401, b.api().get("/api/auth/user/current_user/", accessFromB).status());
        assertEquals(401, b.api().get("/api/auth/user/current_user/", user.access()).status());
    }

    @Test
    void aSuspensionOnOneInstanceRefusesTheUsersTokenOnTheOtherAtOnce() {
        TestUser mod = Staff.account(a.api(), a.app().database().jdbi(), Api.uniqueName("suspender"), "moderator");
        TestUser user = a.api().register(Api.uniqueName("suspended"));
        assertEquals(202, b.api().get("/api/auth/user/current_user/", user.access()).status());
        assertEquals(202, b.api().get("/api/auth/user/current_user/", user.access()).status());

        Api.Res res = a.api().post("/api/moderation/users/" + user.userId() + "/suspend/", Map.of("reason", "spam"),
                mod.access());
        assertEquals(202, res.status(), res.toString());

        assertEquals(401, b.api().get("/api/auth/user/current_user/", user.access()).status());
    }

    @Test
    void aRoleGivenOnOneInstanceCountsOnTheOtherAtOnce() {
        TestUser admin = Staff.account(a.api(), a.app().database().jdbi(), Api.uniqueName("granter"), "admin");
        TestUser user = a.api().register(Api.uniqueName("promoted"));
        assertEquals(403, b.api().get("/api/moderation/reports/", user.access()).status());

        assertEquals(202, a.api().put("/api/moderation/users/" + user.userId() + "/role/", Map.of("role", "moderator"),
                admin.access()).status());
        assertEquals(200, b.api().get("/api/moderation/reports/", user.access()).status());

        assertEquals(202, a.api().put("/api/moderation/users/" + user.userId() + "/role/", Map.of("role", "user"),
                admin.access()).status());
        assertEquals(403, b.api().get("/api/moderation/reports/", user.access()).status());
    }

    @Test
    void aPasswordChangeOnOneInstanceEndsTheOtherSessionsOnTheOther() {
        TestUser user = a.api().register(Api.uniqueName("changer"));
        String otherSession = b.api().login(user.username(), TestUser.PASSWORD).json().get("access").asText();

        Api.Res changed = a.api().put("/api/auth/user/edit/", Map.of("update_password", true,
                "current_password", TestUser.PASSWORD, "new_password", "a-brand-new-password"), user.access());
        assertEquals(202, changed.status(), changed.toString());

        assertEquals(401, b.api().get("/api/auth/user/current_user/", otherSession).status());
        assertEquals(202, b.api().get("/api/auth/user/current_user/", user.access()).status(), "the caller's session stays");
        String fresh = changed.json().at("/tokens/access").asText();
        assertEquals(202, b.api().get("/api/auth/user/current_user/", fresh).status());
        assertEquals(200, b.api().login(user.username(), "a-brand-new-password").status());
        assertEquals(401, b.api().login(user.username(), TestUser.PASSWORD).status());
    }

    @Test
    void aRefreshTokenReusedOnTheOtherInstanceEndsTheSession() {
        TestUser user = a.api().register(Api.uniqueName("reuser"));
        JsonNode second = a.api().post("/api/auth/refresh_token/", Map.of("refresh", user.refresh()), null).json();
        JsonNode rotated = b.api().post("/api/auth/refresh_token/", Map.of("refresh", second.get("refresh").asText()),
                null).json();

        Api.Res reuse = b.api().post("/api/auth/refresh_token/", Map.of("refresh", user.refresh()), null);
        assertEquals(401, reuse.status());

        // Someone else holds a copy: the whole session ends, on both instances.
        assertEquals(401, a.api().get("/api/auth/user/current_user/", rotated.get("access").asText()).status());
        assertEquals(401, a.api().post("/api/auth/refresh_token/", Map.of("refresh", rotated.get("refresh").asText()),
                null).status());
    }

    @Test
    void oneRefreshTokenSentToBothInstancesAtOnceIsARetryOnBoth() {
        TestUser user = a.api().register(Api.uniqueName("racer"));
        List<Api.Res> answers = atOnceThroughBoth(16,
                api -> api.post("/api/auth/refresh_token/", Map.of("refresh", user.refresh()), null));

        assertTrue(answers.stream().allMatch(r -> r.status() == 200), answers.toString());
        for (Api.Res answer : answers) {
            assertEquals(202, a.api().get("/api/auth/user/current_user/", answer.json().get("access").asText())
                    .status());
        }
        JsonNode next = b.api().post("/api/auth/refresh_token/",
                Map.of("refresh", answers.get(0).json().get("refresh").asText()), null).json();

        // The raced token is an older generation now: reuse, on either instance.
        assertEquals(401, a.api().post("/api/auth/refresh_token/", Map.of("refresh", user.refresh()), null).status());
        assertEquals(401, b.api().get("/api/auth/user/current_user/", next.get("access").asText()).status());
    }

    @Test
    void oneUsernameRegisteredOnBothInstancesAtOnceMakesOneAccount() {
        String username = Api.uniqueName("contested");
        List<Api.Res> answers = atOnceThroughBoth(8,
                api -> api.post("/api/auth/user/register/", Api.registration(username, TestUser.PASSWORD), null));

        assertEquals(1, answers.stream().filter(r -> r.status() == 201).count(), answers.toString());
        assertTrue(answers.stream().filter(r -> r.status() != 201).allMatch(r -> r.status() == 409), answers.toString());
    }

    @Test
    void rateLimitsCountPerInstanceAsDocumented() {
        TestUser user = a.api().register(Api.uniqueName("limited"));
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            assertEquals(401, a.api().login(user.username(), "wrong-password").status());
        }
        assertEquals(429, a.api().login(user.username(), "wrong-password").status());
        // B has counted nothing yet: with N instances a client gets up to N times the limit.
        assertEquals(401, b.api().login(user.username(), "wrong-password").status());
        assertEquals(200, b.api().login(user.username(), TestUser.PASSWORD).status());
    }

    /**
     * Sends {@code count} requests as nearly at once as possible, alternating between the two
     * instances (even ones to A, odd ones to B); returns the answers in that order.
     */
    @Test
    void concurrentTogglesThroughBothInstancesKeepEveryCounterInStepWithTheRows() {
        TestUser author = a.api().register(Api.uniqueName("toggled"));
        long tweet = a.api().post("/api/tweets/tweets_list/", Map.of("content", "toggle me"), author.access())
                .json().get("tweet_id").asLong();
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fans.add(b.api().register(Api.uniqueName("fan")));
        }
        // 72 toggles at once in three waves, alternating instances: each fan likes, saves and
        // follows six times each, so every kind of toggle collides with itself on both sides.
        List<Api.Res> answers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int wave = 0; wave < 3; wave++) {
            answers.addAll(atOnceThroughBoth(24, api -> {
                int i = next.getAndIncrement();
                TestUser fan = fans.get(i % fans.size());
                return switch (i % 3) {
                    case 0 -> api.put("/api/tweets/liked_tweets_list/" + tweet + "/", null, fan.access());
                    case 1 -> api.put("/api/tweets/saved_tweets_list/" + tweet + "/", null, fan.access());
                    default -> api.put("/api/profiles/follow_status/" + author.profileId() + "/", null, fan.access());
                };
            }));
        }

        answers.forEach(res -> assertEquals(202, res.status(), res.toString()));
        Counters.assertAllConsistent(a.app().database().jdbi());
        long likes = Counters.count(a.app().database().jdbi(), "SELECT COUNT(*) FROM tweet_likes WHERE tweet_id = ?", tweet);
        assertEquals(likes, b.api().get("/api/tweets/get_tweet/" + tweet + "/", author.access())
                .json().get("number_of_likes").asLong(), "both instances report the rows' count");
    }

    /** Request i goes to instance a when i is even, else b; each through its own client (no shared connection). */
    static List<Api.Res> atOnceThroughBoth(int count, Function<Api, Api.Res> request) {
        List<Api> clients = IntStream.range(0, count).mapToObj(i -> new Api((i % 2 == 0 ? a : b).baseUrl())).toList();
        return Race.atOnce(count, i -> request.apply(clients.get(i)));
    }
}
