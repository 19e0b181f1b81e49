package dev.raven.support;

import org.jdbi.v3.core.Jdbi;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks, straight in the database, that every stored counter equals the rows it counts. */
public final class Counters {
    private Counters() {
    }

    private static final String PROFILE_MISMATCHES = "SELECT p.user_id FROM profiles p WHERE "
            + "p.followers_count <> (SELECT COUNT(*) FROM follows f WHERE f.followed_id = p.user_id) "
            + "OR p.following_count <> (SELECT COUNT(*) FROM follows f WHERE f.follower_id = p.user_id) "
            + "OR p.tweets_count <> (SELECT COUNT(*) FROM tweets t WHERE t.user_id = p.user_id) "
            + "OR p.tweets_and_replies_count <> (SELECT COUNT(*) FROM tweets t WHERE t.user_id = p.user_id) "
            + "+ (SELECT COUNT(*) FROM replies r WHERE r.user_id = p.user_id) "
            // Media counts the user's own tweets with media only, as the contract says.
            + "OR p.media_count <> (SELECT COUNT(*) FROM tweets t WHERE t.user_id = p.user_id AND t.media) "
            + "OR p.likes_count <> (SELECT COUNT(*) FROM tweet_likes l WHERE l.user_id = p.user_id) "
            + "+ (SELECT COUNT(*) FROM reply_likes rl WHERE rl.user_id = p.user_id)";

    private static final String TWEET_MISMATCHES = "SELECT t.id FROM tweets t WHERE "
            + "t.likes_count <> (SELECT COUNT(*) FROM tweet_likes l WHERE l.tweet_id = t.id) "
            + "OR t.saves_count <> (SELECT COUNT(*) FROM tweet_saves s WHERE s.tweet_id = t.id) "
            + "OR t.retweets_count <> (SELECT COUNT(*) FROM retweets r WHERE r.tweet_id = t.id) "
            + "OR t.replies_count <> (SELECT COUNT(*) FROM replies r WHERE r.tweet_id = t.id)";

    private static final String REPLY_MISMATCHES = "SELECT r.id FROM replies r WHERE "
            + "r.likes_count <> (SELECT COUNT(*) FROM reply_likes rl WHERE rl.reply_id = r.id)";

    public static void assertAllConsistent(Jdbi jdbi) {
        List<Long> profiles = jdbi.withHandle(h -> h.createQuery(PROFILE_MISMATCHES).mapTo(Long.class).list());
        List<Long> tweets = jdbi.withHandle(h -> h.createQuery(TWEET_MISMATCHES).mapTo(Long.class).list());
        List<Long> replies = jdbi.withHandle(h -> h.createQuery(REPLY_MISMATCHES).mapTo(Long.class).list());
        assertEquals(List.of(), profiles, "users whose profile counters disagree with the rows");
        assertEquals(List.of(), tweets, "tweets whose counters disagree with the rows");
        assertEquals(List.of(), replies, "replies whose counters disagree with the rows");
    }

    public static long count(Jdbi jdbi, String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }
}
