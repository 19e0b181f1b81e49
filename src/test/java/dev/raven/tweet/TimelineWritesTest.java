package dev.raven.tweet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements empty the home timeline cache (the oracle test checks the outcome; this, the rule). */
class TimelineWritesTest {

    @Test
    void changesToWhatTimelinesAreMadeOfEmptyTheCache() {
        for (String sql : new String[]{
                "UPDATE tweets SET content = :content, media = :media, media_url = :mediaUrl, is_public = :p WHERE id = :id",
                "DELETE FROM tweets WHERE id = :id",
                "DELETE FROM retweets WHERE tweet_id = :tweet AND user_id = :user",
                "INSERT INTO follows (follower_id, followed_id, created_at) VALUES (:follower, :followed, :now)",
                "DELETE FROM follows WHERE follower_id = :follower AND followed_id = :followed",
                "INSERT INTO mutes (muter_id, muted_id, created_at) VALUES (:muter, :muted, :now)",
                "delete from blocks where blocker_id = :blocker",
                "  UPDATE users SET status = :status, is_active = (:status = 'active') WHERE id = :id",
                "DELETE FROM users WHERE id = :id",
                "UPDATE tweets SET likes_count = likes_count + 1, is_public = FALSE WHERE id = :id"}) {
            assertTrue(TimelineWrites.changesTimelines(sql), sql);
        }
    }

    @Test
    void newPostsCountersAndOtherTablesLeaveItAlone() {
        for (String sql : new String[]{
                "INSERT INTO tweets (user_id, content, media, media_url, is_public, created_at) VALUES (...)",
                "INSERT INTO retweets (tweet_id, user_id, created_at) VALUES (:tweet, :user, :now)",
                "INSERT INTO users (username, username_key, email) VALUES (...)",
                "UPDATE tweets SET likes_count = likes_count + :delta WHERE id = :tweet",
                "UPDATE tweets SET replies_count = replies_count - (SELECT COUNT(*) FROM replies r) WHERE id IN (...)",
                "INSERT INTO tweet_likes (tweet_id, user_id, created_at) VALUES (:tweet, :user, :now)",
                "UPDATE profiles SET followers_count = followers_count + :delta WHERE user_id = :user",
                "SELECT * FROM tweets t WHERE t.id = :id",
                "DELETE FROM tweets_archive WHERE id = 1"}) {
            assertFalse(TimelineWrites.changesTimelines(sql), sql);
        }
    }
}
