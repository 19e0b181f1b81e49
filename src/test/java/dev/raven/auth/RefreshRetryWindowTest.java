package dev.raven.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Race;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refresh retry window (jwt.refresh.grace): a client whose requests fail together
 * refreshes twice at once with one token; that must not sign it out. Only the token spent
 * last in a session, and only within the window, is a retry; anything else is reuse.
 */
@WithServer("ratelimit.enabled=false")
class RefreshRetryWindowTest {
    static Api api;
    static TestServer shortWindow;
    static TestServer noWindow;

    @BeforeAll
    static void startServersWithOtherWindows() {
        shortWindow = TestServer.start(Map.of("ratelimit.enabled", "false", "jwt.refresh.grace", "1s"));
        noWindow = TestServer.start(Map.of("ratelimit.enabled", "false", "jwt.refresh.grace", "0s"));
    }

    @AfterAll
    static void stopThem() {
        for (TestServer s : new TestServer[]{shortWindow, noWindow}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} refreshes at once")
    @ValueSource(ints = {2, 4, 8, 16})
    void oneTokenRefreshedByManyRequestsAtOnceGivesEachALivePairOfTheSameSession(int racers) {
        TestUser user = api.register(Api.uniqueName("Racer"));

        List<Api.Res> answers = Race.atOnce(racers, i -> Auth.refresh(api, user.refresh()));

        assertEquals(racers, Race.count(answers, 200), answers.toString());
        Set<String> refreshTokens = new HashSet<>();
        for (Api.Res answer : answers) {
            refreshTokens.add(answer.json().get("refresh").asText());
            assertSameUser(user, answer.json().get("access").asText());
        }
        assertEquals(racers, refreshTokens.size(), "each answer carries a refresh token of its own");
        assertSameUser(user, user.access());
        // Whichever answer the client kept goes on working.
        String kept = answers.get(racers - 1).json().get("refresh").asText();
        assertEquals(200, Auth.refresh(api, kept).status());
    }

    @ParameterizedTest(name = "{0} refreshes at once, then an older token")
    @ValueSource(ints = {2, 16})
    void afterARaceAnOlderGenerationStillRevokesTheSession(int racers) {
        TestUser user = api.register(Api.uniqueName("Older"));
        List<Api.Res> answers = Race.atOnce(racers, i -> Auth.refresh(api, user.refresh()));
        assertEquals(racers, Race.count(answers, 200), answers.toString());
        JsonNode next = Auth.refresh(api, answers.get(0).json().get("refresh").asText()).json();

        // The raced token is no longer the one spent last: presenting it is reuse.
        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));

        Auth.assertTokenNotValid(Auth.currentUser(api, next.get("access").asText()));
        Auth.assertTokenNotValid(Auth.refresh(api, next.get("refresh").asText()));
        Auth.assertTokenNotValid(Auth.currentUser(api, user.access()));
    }

    @Test
    void theTokenSpentLastMayBePresentedAgainWithinTheWindow() {
        TestUser user = api.register(Api.uniqueName("Retry"));
        JsonNode first = Auth.refresh(api, user.refresh()).json();

        Api.Res retry = Auth.refresh(api, user.refresh());

        assertEquals(200, retry.status(), retry.toString());
        assertSameUser(user, first.get("access").asText());
        assertSameUser(user, retry.json().get("access").asText());
    }

    @Test
    void aRetryBelongsToTheSameSessionSoLogoutEndsBoth() {
        TestUser user = api.register(Api.uniqueName("Same"));
        JsonNode first = Auth.refresh(api, user.refresh()).json();
        JsonNode retry = Auth.refresh(api, user.refresh()).json();

        assertEquals(205, Auth.logout(api, retry.get("refresh").asText(), retry.get("access").asText()).status());

        Auth.assertTokenNotValid(Auth.currentUser(api, first.get("access").asText()));
        Auth.assertTokenNotValid(Auth.refresh(api, first.get("refresh").asText()));
    }

    @Test
    void aTokenTwoGenerationsBackIsReuseEvenWithinTheWindow() {
        TestUser user = api.register(Api.uniqueName("TwoBack"));
        JsonNode second = Auth.refresh(api, user.refresh()).json();
        JsonNode third = Auth.refresh(api, second.get("refresh").asText()).json();

        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));

        Auth.assertTokenNotValid(Auth.currentUser(api, third.get("access").asText()));
        Auth.assertTokenNotValid(Auth.refresh(api, third.get("refresh").asText()));
    }

    @Test
    void onceOneRetryPairIsUsedTheOtherPairsRefreshTokenIsReuse() {
        TestUser user = api.register(Api.uniqueName("Sibling"));
        JsonNode first = Auth.refresh(api, user.refresh()).json();
        JsonNode retry = Auth.refresh(api, user.refresh()).json();
        JsonNode next = Auth.refresh(api, retry.get("refresh").asText()).json();

        // The client went on with the retry's pair; a copy of the other one in other hands is reuse.
        Auth.assertTokenNotValid(Auth.refresh(api, first.get("refresh").asText()));

        Auth.assertTokenNotValid(Auth.currentUser(api, next.get("access").asText()));
    }

    @Test
    void afterTheWindowThePresentedTokenIsReuseAndRevokesTheSession() throws InterruptedException {
        Api shortApi = shortWindow.api();
        TestUser user = shortApi.register(Api.uniqueName("Late"));
        JsonNode first = Auth.refresh(shortApi, user.refresh()).json();

        Thread.sleep(1_500);

        Auth.assertTokenNotValid(Auth.refresh(shortApi, user.refresh()));
        Auth.assertTokenNotValid(Auth.currentUser(shortApi, first.get("access").asText()));
        Auth.assertTokenNotValid(Auth.refresh(shortApi, first.get("refresh").asText()));
    }

    @Test
    void aWindowOfZeroTurnsRetriesOff() {
        Api offApi = noWindow.api();
        TestUser user = offApi.register(Api.uniqueName("Strict"));
        JsonNode first = Auth.refresh(offApi, user.refresh()).json();

        Auth.assertTokenNotValid(Auth.refresh(offApi, user.refresh()));

        Auth.assertTokenNotValid(Auth.currentUser(offApi, first.get("access").asText()));
    }

    @Test
    void withoutAWindowOnlyOneOfManySimultaneousRefreshesWinsAndTheSessionEnds() {
        Api offApi = noWindow.api();
        TestUser user = offApi.register(Api.uniqueName("Racer0"));

        List<Api.Res> answers = Race.atOnce(8, i -> Auth.refresh(offApi, user.refresh()));

        assertEquals(1, Race.count(answers, 200), answers.toString());
        assertEquals(7, Race.count(answers, 401), answers.toString());
        Auth.assertTokenNotValid(Auth.currentUser(offApi, user.access()));
    }

    @Test
    void aRetryOfATokenWhoseSessionEndedIsRefused() {
        TestUser user = api.register(Api.uniqueName("Ended"));
        JsonNode first = Auth.refresh(api, user.refresh()).json();
        assertEquals(205, api.post(Auth.LOGOUT_ALL, null, first.get("access").asText()).status());

        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
    }

    private static void assertSameUser(TestUser user, String access) {
        Api.Res me = Auth.currentUser(api, access);
        assertEquals(202, me.status(), me.toString());
        assertEquals(user.userId(), me.json().get("user_id").asLong());
        assertTrue(me.json().has("username"));
    }
}
