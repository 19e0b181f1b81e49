package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Eventually;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fanned-out home timelines against the pull query they replace ({@link TimelineScenario}):
 * random follow graphs and random sequences of posts, retweets, un-retweets, deletes,
 * follows, unfollows, mutes, blocks, visibility changes, suspensions and account deletions.
 * Timelines are kept short (12 rows) so trimming and the deep-page fall-back happen, and
 * accounts with more than 3 followers are merged at read time, so the hybrid is exercised too.
 */
@WithServer(value = {"timeline.fanout=true", "timeline.length=12", "timeline.fanout.max.followers=3"},
        social = true)
class TimelineOracleTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void everyPageOfEveryReaderEqualsThePullQuery() {
        assertEquals(6, new TimelineScenario(api, social, jdbi, 20261129L).run(600, 100));
        // The test meant something: rows were fanned out, trimmed, and some accounts were pulled.
        assertTrue(count("SELECT COUNT(*) FROM home_timelines") > 0);
        assertTrue(count("SELECT COUNT(*) FROM home_timeline_horizons") > 0, "some timeline was trimmed");
        assertTrue(count("SELECT COUNT(*) FROM timeline_pulled_accounts") > 0, "some account was pulled");
    }

    /** home_timelines has no foreign keys (V11): deleting a tweet or an account deletes its rows itself. */
    @Test
    void deletedTweetsAndAccountsLeaveNoRows() {
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.table_constraints "
                + "WHERE constraint_type = 'FOREIGN KEY' AND UPPER(table_name) = 'HOME_TIMELINES'"));
        TestUser reader = social.user("reader");
        TestUser author = social.user("author");
        TestUser leaving = social.user("leaving");
        social.follow(reader, author);
        social.follow(reader, leaving);
        social.follow(leaving, author);
        long deleted = social.tweet(author, "to be deleted");
        long kept = social.tweet(author, "kept");
        long ofLeaving = social.tweet(leaving, "by an account that goes");
        Social.expect(social.retweet(leaving, kept), 202);
        Social.expect(social.retweet(reader, deleted), 202);
        Eventually.fanOutDrained(jdbi);
        assertEquals(3, rowsOf(deleted), "the author's, the reader's and leaving's timelines");
        assertEquals(2, rowsOf(ofLeaving), "leaving's and the reader's timelines");
        assertEquals(3, readerRows(leaving), "its own tweet and the two it follows");
        assertEquals(1, count("SELECT COUNT(*) FROM home_timelines WHERE retweeter_id = " + leaving.userId()));

        Social.expect(api.delete("/api/tweets/manage_tweet/" + deleted + "/", null, author.access()), 202);
        Social.expect(api.delete(Auth.DELETE, Map.of("refresh_token", leaving.refresh()), leaving.access()), 204);
        Eventually.fanOutDrained(jdbi);

        assertEquals(0, rowsOf(deleted), "rows of the deleted tweet, its retweet's included");
        assertEquals(0, rowsOf(ofLeaving), "rows of the deleted account's tweets");
        assertEquals(0, readerRows(leaving), "the deleted account's own timeline");
        assertEquals(0, count("SELECT COUNT(*) FROM home_timelines WHERE retweeter_id = " + leaving.userId()),
                "rows of the deleted account's retweets");
        assertEquals(List.of(kept), Social.tweetIds(api.get("/api/tweets/tweets_list/", reader.access())));
    }

    private static long rowsOf(long tweetId) {
        return count("SELECT COUNT(*) FROM home_timelines WHERE tweet_id = " + tweetId);
    }

    private static long readerRows(TestUser reader) {
        return count("SELECT COUNT(*) FROM home_timelines WHERE reader_id = " + reader.userId());
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
