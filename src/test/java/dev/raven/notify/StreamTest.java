package dev.raven.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.EventStream;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/stream/ over real HTTP: notification events arrive with their ids, resume after a
 * reconnect with Last-Event-ID loses nothing, the per-user cap answers 429, revoking the
 * session ends the stream, and the web app's cookie opens one too. Heartbeats every second
 * here, so session ends are noticed quickly, and connections idle for 2s are cut.
 */
@WithServer(value = {"stream.heartbeat=1s", "http.idle.timeout=2s", "stream.max.per.user=2"}, social = true)
class StreamTest {
    static TestServer server;
    static Api api;
    static Social social;

    @Test
    void aNotificationArrivesOnTheStreamWithItsIdAndTheUnreadCount() {
        TestUser author = social.user("streamed");
        TestUser fan = social.user("fan");
        long tweet = social.tweet(author, "watch this");
        try (EventStream stream = EventStream.open(server, author.access())) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"), stream.header("Content-Type"));
            assertEquals(0, stream.next("unread").json().get("count").asInt());

            social.like(fan, tweet);

            EventStream.Event event = stream.next("notification");
            JsonNode n = event.json();
            assertEquals("like", n.get("kind").asText());
            assertEquals(fan.userId(), n.get("actor").get("user_id").asLong());
            assertEquals(tweet, n.get("tweet_id").asLong());
            assertEquals(n.get("id").asText(), event.id());
            assertTrue(event.comments().stream().noneMatch(c -> c.startsWith("at ")), "stream.timing is off");
            assertEquals(1, stream.next("unread").json().get("count").asInt());
        }
    }

    @Test
    void resumingWithLastEventIdDeliversWhatWasMissedInOrder() {
        TestUser author = social.user("resumer");
        TestUser fan = social.user("fan");
        long first = social.tweet(author, "one");
        String lastId;
        try (EventStream stream = EventStream.open(server, author.access())) {
            stream.next("unread");
            social.like(fan, first);
            lastId = stream.next("notification").id();
        }
        // While disconnected: three more things happen.
        long second = social.tweet(author, "two");
        social.like(fan, second);
        social.follow(fan, author);
        social.reply(fan, first, "a reply");

        try (EventStream stream = EventStream.open(server.baseUrl(), "/api/stream/",
                Map.of("Authorization", "JWT " + author.access(), "Last-Event-ID", lastId))) {
            List<String> kinds = new ArrayList<>();
            long previous = Long.parseLong(lastId);
            for (int i = 0; i < 3; i++) {
                EventStream.Event e = stream.next("notification");
                assertTrue(Long.parseLong(e.id()) > previous, "ids rise: " + e.id() + " after " + previous);
                previous = Long.parseLong(e.id());
                kinds.add(e.json().get("kind").asText());
            }
            assertEquals(List.of("like", "follow", "reply"), kinds);
            assertEquals(4, stream.next("unread").json().get("count").asInt());
        }
    }

    @Test
    void aNewStreamWithoutLastEventIdStartsFromNow() {
        TestUser author = social.user("fresh");
        TestUser fan = social.user("fan");
        social.like(fan, social.tweet(author, "old news"));
        try (EventStream stream = EventStream.open(server, author.access())) {
            assertEquals(1, stream.next("unread").json().get("count").asInt());
            social.follow(fan, author);
            assertEquals("follow", stream.next("notification").json().get("kind").asText());
        }
    }

    @Test
    void moreStreamsThanTheCapAreRefusedWith429() {
        TestUser user = social.user("tabs");
        try (EventStream one = EventStream.open(server, user.access());
             EventStream two = EventStream.open(server, user.access())) {
            assertEquals(200, one.status());
            assertEquals(200, two.status());
            one.next("unread");
            two.next("unread");
            try (EventStream three = EventStream.open(server, user.access())) {
                assertEquals(429, three.status());
                assertEquals("too_many_streams", three.errorJson().get("code").asText());
            }
        }
        // A closed stream frees its place (once the server notices: at its next write).
        TestUser other = social.user("other");
        try (EventStream again = EventStream.open(server, other.access())) {
            assertEquals(200, again.status());
        }
    }

    @Test
    void loggingOutEndsTheSessionsStreams() {
        TestUser user = social.user("leaver");
        try (EventStream stream = EventStream.open(server, user.access())) {
            stream.next("unread");
            Api.Res out = api.post("/api/auth/user/logout/", Map.of("refresh_token", user.refresh()), user.access());
            assertEquals(205, out.status(), out.body());
            List<EventStream.Event> last = stream.awaitEnd();
            assertTrue(last.stream().anyMatch(e -> e.type().equals("end")), last.toString());
        }
    }

    @Test
    void logoutAllEndsEveryStreamOfTheUser() {
        TestUser user = social.user("everywhere");
        String second = api.login(user.username(), TestUser.PASSWORD).json().get("access").asText();
        try (EventStream a = EventStream.open(server, user.access());
             EventStream b = EventStream.open(server, second)) {
            a.next("unread");
            b.next("unread");
            assertEquals(205, api.post("/api/auth/user/logout_all/", Map.of(), user.access()).status());
            a.awaitEnd();
            b.awaitEnd();
        }
    }

    @Test
    void theWebSessionCookieOpensAStreamAndItsLogoutEndsIt() {
        TestUser user = social.user("browser");
        TestUser fan = social.user("fan");
        WebClient browser = WebClient.signedIn(server, user);
        try (EventStream stream = EventStream.open(server.baseUrl(), "/api/stream/",
                Map.of("Cookie", WebClient.COOKIE + "=" + browser.session()))) {
            assertEquals(200, stream.status());
            stream.next("unread");
            social.follow(fan, user);
            assertEquals("follow", stream.next("notification").json().get("kind").asText());
            browser.post("/logout", Map.of());
            stream.awaitEnd();
        }
    }

    @Test
    void theTimelineEventCountsNewPostsOfFollowedPeople() {
        TestUser reader = social.user("reader");
        TestUser writer = social.user("writer");
        TestUser stranger = social.user("stranger");
        social.follow(reader, writer);
        long seen = social.tweet(writer, "already seen");
        social.tweet(writer, "posted before the stream");
        try (EventStream stream = EventStream.open(server.baseUrl(), "/api/stream/?since=" + seen,
                Map.of("Authorization", "JWT " + reader.access()))) {
            assertEquals(1, stream.next("timeline").json().get("count").asInt());
            social.tweet(stranger, "not on the reader's timeline");
            social.tweet(writer, "new");
            assertEquals(2, stream.next("timeline").json().get("count").asInt());
        }
    }

    @Test
    void badRequestsAreClearErrors() {
        TestUser user = social.user("careless");
        try (EventStream noAuth = EventStream.open(server.baseUrl(), "/api/stream/", Map.of())) {
            assertEquals(401, noAuth.status());
            assertEquals("not_authenticated", noAuth.errorJson().get("code").asText());
        }
        try (EventStream badCookie = EventStream.open(server.baseUrl(), "/api/stream/",
                Map.of("Cookie", WebClient.COOKIE + "=forged"))) {
            assertEquals(401, badCookie.status());
        }
        try (EventStream notSse = EventStream.open(server.baseUrl(), "/api/stream/",
                Map.of("Authorization", "JWT " + user.access(), "Accept", "application/json"))) {
            assertEquals(406, notSse.status());
            assertEquals("not_acceptable", notSse.errorJson().get("code").asText());
        }
        try (EventStream badId = EventStream.open(server.baseUrl(), "/api/stream/",
                Map.of("Authorization", "JWT " + user.access(), "Last-Event-ID", "abc"))) {
            assertEquals(400, badId.status());
            assertNotNull(badId.errorJson().get("errors").get("Last-Event-ID"));
        }
        try (EventStream badSince = EventStream.open(server.baseUrl(), "/api/stream/?since=-4",
                Map.of("Authorization", "JWT " + user.access()))) {
            assertEquals(400, badSince.status());
        }
    }

    @Test
    void shutdownEndsOpenStreamsInsteadOfWaitingForThem() {
        // A long grace: a stop that waited for the open stream would take all of it.
        TestServer own = Social.startServer(Map.of("server.shutdown.grace", "60s"));
        EventStream stream;
        try {
            TestUser user = own.api().register(Api.uniqueName("lingering"));
            stream = EventStream.open(own, user.access());
            stream.next("unread");
        } catch (RuntimeException | AssertionError e) {
            own.close();
            throw e;
        }
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), own::close, "close did not wait out the grace");
        stream.awaitEnd();
        stream.close();
    }

    @Test
    void idleStreamsStayOpenThroughHeartbeats() {
        TestUser author = social.user("patient");
        TestUser fan = social.user("fan");
        try (EventStream stream = EventStream.open(server, author.access())) {
            stream.next("unread");
            // Longer than http.idle.timeout passes without an event: the heartbeats keep it open.
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            social.follow(fan, author);
            assertEquals("follow", stream.next("notification").json().get("kind").asText());
        }
    }
}
