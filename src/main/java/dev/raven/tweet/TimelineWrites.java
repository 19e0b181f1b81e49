package dev.raven.tweet;

import dev.raven.db.CommittedWrites;
import org.jdbi.v3.core.Jdbi;

import java.util.regex.Pattern;

/**
 * The writes after which no timeline held in the {@link TimelineCache} can be trusted: any
 * change to tweets, retweets, follows, mutes, blocks or users, except the three that leave
 * timelines alone or are applied to the cache exactly where they happen: a new account, a
 * new tweet ({@link TimelineCache#tweetPosted}), a new retweet ({@link
 * TimelineCache#retweetChanged}), and the tweets' counters (read fresh with every page).
 */
public final class TimelineWrites {
    private static final Pattern TIMELINE_WRITE = Pattern.compile(
            "^\\s*(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+"
                    + "(tweets|retweets|follows|mutes|blocks|users)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern APPLIED_OR_HARMLESS = Pattern.compile(
            "^\\s*(INSERT\\s+INTO\\s+(tweets|retweets|users)\\b"
                    // a counter and nothing else: no comma before the WHERE
                    + "|UPDATE\\s+tweets\\s+SET\\s+(likes|saves|retweets|replies)_count\\s*=\\s*\\3_count\\s*[-+][^,]*\\sWHERE\\b)",
            Pattern.CASE_INSENSITIVE);

    private TimelineWrites() {
    }

    /** Makes {@code jdbi} empty {@code cache} on every committed write that can change a timeline. */
    public static void watch(Jdbi jdbi, TimelineCache cache) {
        CommittedWrites.watch(jdbi, TimelineWrites::changesTimelines, cache::invalidateAll);
    }

    static boolean changesTimelines(String sql) {
        return TIMELINE_WRITE.matcher(sql).find() && !APPLIED_OR_HARMLESS.matcher(sql).find();
    }

    /**
     * Whether a statement can change a timeline held by another instance, which applies
     * nothing itself: every write to those tables, new tweets and retweets included.
     */
    public static boolean touchesTimelines(String sql) {
        return TIMELINE_WRITE.matcher(sql).find();
    }
}
