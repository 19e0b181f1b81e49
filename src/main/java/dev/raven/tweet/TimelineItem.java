package dev.raven.tweet;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A home timeline item: the Tweet's keys plus {@code retweeted_by}, which is null, or names
 * the followed user whose retweet put the tweet in the timeline.
 */
public record TimelineItem(@JsonUnwrapped Tweet tweet, RetweetedBy retweetedBy) {

    public record RetweetedBy(long userId, String username, String alias) {
    }
}
