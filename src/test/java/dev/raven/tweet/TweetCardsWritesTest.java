package dev.raven.tweet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements empty the tweet cache (TweetCardsOracleTest checks the outcome; this, the rule). */
class TweetCardsWritesTest {

    @Test
    void anyChangeToATweetRowEmptiesTheCountersAndNothingElseDoes() {
        for (String sql : new String[]{
                "UPDATE tweets SET likes_count = likes_count + :delta WHERE id = :tweet",
                "UPDATE tweets SET replies_count = replies_count - (SELECT COUNT(*) FROM replies r) WHERE id IN (...)",
                "update tweets set saves_count = saves_count - 1 where id in (select tweet_id from tweet_saves)",
                "UPDATE tweets SET content = :content WHERE id = :id",
                "DELETE FROM tweets WHERE user_id = :user",
                "MERGE INTO tweets KEY (id) VALUES (1)",
                "TRUNCATE TABLE tweets"}) {
            assertTrue(TweetCards.changesCounters(sql), sql);
        }
        for (String sql : new String[]{
                "INSERT INTO tweets (user_id, content, media, media_url, is_public, created_at) VALUES (...)",
                "INSERT INTO tweet_likes (tweet_id, user_id, created_at) VALUES (:tweet, :user, :now)",
                "UPDATE replies SET likes_count = likes_count + :delta WHERE id = :reply",
                "UPDATE profiles SET likes_count = likes_count - 1 WHERE user_id = :user",
                "DELETE FROM tweets_archive WHERE id = 1",
                "SELECT t.likes_count FROM tweets t WHERE t.id = :id"}) {
            assertFalse(TweetCards.changesCounters(sql), sql);
        }
    }

    @Test
    void changesToWhatACardHoldsEmptyTheCache() {
        for (String sql : new String[]{
                "UPDATE tweets SET content = :content, media = :media, media_url = :mediaUrl, is_public = :p WHERE id = :id",
                "UPDATE tweets SET likes_count = likes_count + 1, is_public = FALSE WHERE id = :id",
                "DELETE FROM tweets WHERE id = :id",
                "UPDATE users SET username = :username, username_key = :usernameKey, email = :email WHERE id = :id",
                "DELETE FROM users WHERE id = :id",
                "UPDATE profiles SET alias = :alias, bio = :bio, image_url = :imageUrl WHERE user_id = :user",
                "update profiles set image_url = null where user_id = :user",
                "UPDATE media SET tweet_id = :tweet WHERE id = :id",
                "DELETE FROM media WHERE id = :id",
                "DELETE FROM tweet_mentions WHERE tweet_id = :tweet",
                "MERGE INTO profiles KEY (user_id) VALUES (1, 'a')"}) {
            assertTrue(TweetCards.changesCards(sql), sql);
        }
    }

    @Test
    void reactionsEmptyTheFlagsAndNothingElseDoes() {
        for (String sql : new String[]{
                "INSERT INTO tweet_likes (tweet_id, user_id, created_at) VALUES (:tweet, :user, :now)",
                "DELETE FROM retweets WHERE tweet_id = :tweet AND user_id = :user",
                "delete from tweet_saves where user_id = :user",
                "MERGE INTO tweet_likes KEY (tweet_id, user_id) VALUES (1, 2, NOW())"}) {
            assertTrue(TweetCards.changesFlags(sql), sql);
            assertFalse(TweetCards.changesCards(sql), sql);
        }
        for (String sql : new String[]{
                "UPDATE tweets SET likes_count = likes_count + :delta WHERE id = :tweet",
                "INSERT INTO reply_likes (reply_id, user_id, created_at) VALUES (:reply, :user, :now)",
                "SELECT 1 FROM tweet_likes WHERE user_id = :viewer"}) {
            assertFalse(TweetCards.changesFlags(sql), sql);
        }
    }

    @Test
    void newRowsCountersAndOtherColumnsLeaveItAlone() {
        for (String sql : new String[]{
                "INSERT INTO tweets (user_id, content, media, media_url, is_public, created_at) VALUES (...)",
                "INSERT INTO tweet_mentions (tweet_id, user_id) VALUES (:tweet, :user)",
                "INSERT INTO media (user_id, kind) VALUES (:user, :kind)",
                "UPDATE tweets SET likes_count = likes_count + :delta WHERE id = :tweet",
                "UPDATE tweets SET replies_count = replies_count - (SELECT COUNT(*) FROM replies r) WHERE id IN (...)",
                "UPDATE profiles SET tweets_count = tweets_count + :delta, tweets_and_replies_count = "
                        + "tweets_and_replies_count + :delta WHERE user_id = :user",
                "UPDATE profiles SET likes_count = likes_count - 1 WHERE user_id IN (SELECT user_id FROM x WHERE y)",
                "UPDATE users SET password_hash = :hash WHERE id = :id",
                "UPDATE users SET silenced = :silenced WHERE id = :id",
                "INSERT INTO tweet_likes (tweet_id, user_id, created_at) VALUES (:tweet, :user, :now)",
                "DELETE FROM tweet_likes WHERE tweet_id = :tweet AND user_id = :user",
                "SELECT * FROM tweets t WHERE t.id = :id",
                "DELETE FROM tweets_archive WHERE id = 1"}) {
            assertFalse(TweetCards.changesCards(sql), sql);
        }
    }
}
