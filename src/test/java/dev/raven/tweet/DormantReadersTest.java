package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Counters;
import dev.raven.support.Eventually;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import dev.raven.timeline.DormantReaders;
import dev.raven.timeline.TimelineRebuild;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readers without a live session are not fanned out to ({@link DormantReaders}): put to
 * sleep, they get no rows and their pages come from the pull query; reading again wakes
 * them and rebuilds their rows.
 */
@WithServer(value = {"timeline.fanout=true"}, social = true)
class DormantReadersTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void aReaderSignedOutEverywhereSleepsAndReadingWakesThem() {
        TestUser reader = social.user("sleeper");
        TestUser awake = social.user("awake");
        TestUser author = social.user("author");
        long first = followedAndPosted(author, reader, awake);
        assertEquals(1, rows(reader));

        signOutEverywhere(reader);
        assertTrue(DormantReaders.sweep(jdbi, Instant.now()) >= 1);
        assertEquals(0, rows(reader), "a sleeping reader's rows are deleted");
        assertEquals(1, rows(awake), "an awake reader keeps its rows");
        assertEquals(0, DormantReaders.sweep(jdbi, Instant.now()), "asleep already");

        long second = social.tweet(author, "while asleep");
        Eventually.fanOutDrained(jdbi);
        assertEquals(0, rows(reader), "deliveries skip a sleeping reader");
        assertEquals(2, rows(awake));

        String access = Auth.newSession(api, reader).get("access").asText();
        assertEquals(List.of(second, first), timeline(access), "the pull query serves the first page back");
        Eventually.fanOutDrained(jdbi); // the rebuild the read queued
        assertEquals(2, rows(reader), "rebuilt");
        long third = social.tweet(author, "after waking");
        Eventually.fanOutDrained(jdbi);
        assertEquals(3, rows(reader), "delivered again");
        assertEquals(List.of(third, second, first), timeline(access));
    }

    @Test
    void readersWithASessionAreNotPutToSleep() {
        TestUser reader = social.user("reading");
        TestUser author = social.user("writing");
        social.follow(reader, author);
        social.tweet(author, "read me");
        Eventually.fanOutDrained(jdbi);
        DormantReaders.sweep(jdbi, Instant.now());
        assertEquals(1, rows(reader));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM home_timeline_horizons WHERE reader_id = "
                + reader.userId() + " AND complete_from > CURRENT_TIMESTAMP"));
    }

    @Test
    void aRebuildBuildsReadersWithASessionAndPutsTheOthersToSleep() {
        TestUser reader = social.user("kept");
        TestUser gone = social.user("gone");
        TestUser author = social.user("poster");
        long tweet = followedAndPosted(author, reader, gone);
        signOutEverywhere(gone);

        new TimelineRebuild(jdbi, server.app().config().timeline()).rebuildAll((done, total) -> { });
        assertEquals(1, rows(reader));
        assertEquals(0, rows(gone));
        String access = Auth.newSession(api, gone).get("access").asText();
        assertEquals(List.of(tweet), timeline(access), "the pull query, then the rebuild it queued");
        Eventually.fanOutDrained(jdbi);
        assertEquals(1, rows(gone));
    }

    /** Both readers follow the author, who posts once; returns the tweet, delivered. */
    private static long followedAndPosted(TestUser author, TestUser reader, TestUser other) {
        social.follow(reader, author);
        social.follow(other, author);
        long tweet = social.tweet(author, "posted by " + author.username());
        Eventually.fanOutDrained(jdbi);
        return tweet;
    }

    private static void signOutEverywhere(TestUser user) {
        assertEquals(205, api.post(Auth.LOGOUT_ALL, null, user.access()).status());
    }

    private static List<Long> timeline(String access) {
        Api.Res res = api.get("/api/tweets/tweets_list/", access);
        assertEquals(200, res.status(), res.toString());
        return Social.tweetIds(res);
    }

    private static long rows(TestUser reader) {
        return Counters.count(jdbi, "SELECT COUNT(*) FROM home_timelines WHERE reader_id = " + reader.userId());
    }
}
