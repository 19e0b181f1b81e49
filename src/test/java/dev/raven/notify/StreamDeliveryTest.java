package dev.raven.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.EventStream;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How news reaches a stream: through the hub's own connections, so a delivery never waits
 * for the request pool (busy with every request under write load), and, with stream.timing,
 * stamped with when the commit was heard and when the event was written.
 */
@WithServer(value = {"stream.timing=true"}, social = true)
class StreamDeliveryTest {
    static TestServer server;
    static Social social;

    @Test
    void newsIsDeliveredWhileEveryRequestConnectionIsTaken() {
        TestUser author = social.user("busy");
        TestUser fan = social.user("fan");
        Jdbi requests = server.app().database().jdbi();
        // The action commits through a connection of its own, as a request that got one would.
        Jdbi actions = server.app().database().dedicatedPool("test-action", 1);
        Notifications writer = new Notifications(actions, server.app().events(), Clock.systemUTC());
        try (EventStream stream = EventStream.open(server, author.access())) {
            stream.next("unread");
            List<Handle> held = new ArrayList<>();
            try {
                for (int i = 0; i < server.app().config().dbPoolSize(); i++) {
                    held.add(requests.open());
                }
                actions.useTransaction(h -> writer.notify(h, Notice.follow(fan.userId(), author.userId())));

                JsonNode n = stream.next("notification").json();
                assertEquals("follow", n.get("kind").asText());
                assertEquals(fan.userId(), n.get("actor").get("user_id").asLong());
                assertEquals(1, stream.next("unread").json().get("count").asInt());
            } finally {
                held.forEach(Handle::close);
            }
        }
    }

    @Test
    void aLiveNotificationIsStampedWithWhenItsCommitWasHeardAndWhenItWasWritten() {
        TestUser author = social.user("stamped");
        TestUser fan = social.user("fan");
        long tweet = social.tweet(author, "stamp this");
        String id;
        try (EventStream stream = EventStream.open(server, author.access())) {
            stream.next("unread");
            social.like(fan, tweet);
            EventStream.Event event = stream.next("notification");
            id = event.id();
            List<String> stamps = event.comments().stream().filter(c -> c.startsWith("at ")).toList();
            assertEquals(1, stamps.size(), event.comments().toString());
            String[] parts = stamps.get(0).split(" ");
            assertEquals(3, parts.length, stamps.get(0));
            long heard = Long.parseLong(parts[1]);
            long written = Long.parseLong(parts[2]);
            assertTrue(heard > 1_700_000_000_000_000L, "microseconds since the epoch: " + heard);
            assertTrue(written >= heard, "written " + written + " after heard " + heard);
        }
        // A catch-up answers no event heard: nothing to stamp.
        social.follow(fan, author);
        long before = Long.parseLong(id) - 1;
        try (EventStream stream = EventStream.open(server.baseUrl(), "/api/stream/",
                Map.of("Authorization", "JWT " + author.access(), "Last-Event-ID", Long.toString(before)))) {
            for (int i = 0; i < 2; i++) {
                EventStream.Event event = stream.next("notification");
                assertTrue(event.comments().stream().noneMatch(c -> c.startsWith("at ")), event.comments().toString());
            }
        }
    }
}
