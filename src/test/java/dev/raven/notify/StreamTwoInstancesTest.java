package dev.raven.notify;

import dev.raven.support.Api;
import dev.raven.support.EventStream;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances on one PostgreSQL schema: an action on one reaches streams held by the
 * other (LISTEN/NOTIFY), and a logout on one ends the other's streams.
 */
@RequiresPostgres
class StreamTwoInstancesTest {

    static TwoInstances both;
    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        both = TwoInstances.start(Map.of(
                "ratelimit.enabled", "false",
                "stream.heartbeat", "1s"));
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
    void aNotificationRaisedOnOneInstanceReachesAStreamOnTheOther() {
        Social onA = new Social(a.api());
        TestUser author = onA.user("listener");
        TestUser fan = onA.user("fan");
        long tweet = onA.tweet(author, "on instance a");
        try (EventStream stream = EventStream.open(b, author.access())) {
            assertEquals(200, stream.status());
            stream.next("unread");
            onA.like(fan, tweet);
            EventStream.Event e = stream.next("notification");
            assertEquals("like", e.json().get("kind").asText());
            assertEquals(fan.userId(), e.json().get("actor").get("user_id").asLong());
            onA.follow(fan, author);
            assertEquals("follow", stream.next("notification").json().get("kind").asText());
        }
    }

    @Test
    void aTimelineEventCrossesInstancesToo() {
        Social onA = new Social(a.api());
        TestUser reader = onA.user("reader");
        TestUser writer = onA.user("writer");
        onA.follow(reader, writer);
        try (EventStream stream = EventStream.open(b.baseUrl(), "/api/stream/?since=0",
                Map.of("Authorization", "JWT " + reader.access()))) {
            assertEquals(0, stream.next("timeline").json().get("count").asInt());
            onA.tweet(writer, "fresh");
            assertEquals(1, stream.next("timeline").json().get("count").asInt());
        }
    }

    @Test
    void aLogoutOnOneInstanceEndsStreamsOnTheOther() {
        TestUser user = a.api().register(Api.uniqueName("leaver"));
        try (EventStream stream = EventStream.open(b, user.access())) {
            stream.next("unread");
            assertEquals(205, a.api().post("/api/auth/user/logout_all/", Map.of(), user.access()).status());
            stream.awaitEnd();
        }
    }
}
