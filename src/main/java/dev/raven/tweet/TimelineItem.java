package dev.raven.tweet;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A home timeline item: the Tweet's keys plus {@code retweeted_by}, which is null, or names
 * the followed user whose retweet put the tweet in the timeline.
 */
public record TimelineItem(@JsonUnwrapped Tweet tweet, RetweetedBy retweetedBy) {

    public record RetweetedBy(long userId, String username, String alias) {
        private static final String BY_IDS = "SELECT u.id, u.username, p.alias, p.image_url FROM users u "
                + "JOIN profiles p ON p.user_id = u.id WHERE u.id IN (<ids>)";
        private static final RowMapper<TweetCards.Author> ROW = (rs, ctx) -> new TweetCards.Author(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4));

        /** The retweeters of a page by user id: from the {@link TweetCards}' authors, else in one statement. */
        static Map<Long, RetweetedBy> byIds(Handle h, List<Long> userIds) {
            Map<Long, RetweetedBy> byId = new HashMap<>();
            TweetCards cards = TweetCards.forReading(h);
            long generation = cards.generation();
            List<Long> missing = new ArrayList<>();
            for (Long id : userIds) {
                TweetCards.Author held = cards.author(id);
                if (held == null) {
                    missing.add(id);
                } else {
                    byId.put(id, of(held));
                }
            }
            if (!missing.isEmpty()) {
                h.createQuery(BY_IDS).bindList("ids", missing).map(ROW).forEach(a -> {
                    cards.keep(generation, a);
                    byId.put(a.userId(), of(a));
                });
            }
            return byId;
        }

        private static RetweetedBy of(TweetCards.Author author) {
            return new RetweetedBy(author.userId(), author.username(), author.alias());
        }
    }
}
