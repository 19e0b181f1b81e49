package dev.raven.tweet;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A home timeline item: the Tweet's keys plus {@code retweeted_by}, which is null, or names
 * the followed user whose retweet put the tweet in the timeline.
 */
public record TimelineItem(@JsonUnwrapped Tweet tweet, RetweetedBy retweetedBy) {

    public record RetweetedBy(long userId, String username, String alias) {
        private static final String BY_IDS = "SELECT u.id, u.username, p.alias FROM users u "
                + "JOIN profiles p ON p.user_id = u.id WHERE u.id IN (<ids>)";
        private static final RowMapper<RetweetedBy> ROW = (rs, ctx) -> new RetweetedBy(rs.getLong(1),
                rs.getString(2), rs.getString(3));

        /** The retweeters of a page by user id, in one statement (none for no ids). */
        static Map<Long, RetweetedBy> byIds(Handle h, List<Long> userIds) {
            Map<Long, RetweetedBy> byId = new HashMap<>();
            if (!userIds.isEmpty()) {
                h.createQuery(BY_IDS).bindList("ids", userIds).map(ROW).forEach(r -> byId.put(r.userId(), r));
            }
            return byId;
        }
    }
}
