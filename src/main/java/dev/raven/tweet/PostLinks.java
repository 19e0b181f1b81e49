package dev.raven.tweet;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores what {@link PostText} finds in a post, in the caller's transaction: the users it
 * mentions (those that exist and are active) and, for tweets, its hashtags.
 */
public final class PostLinks {
    private PostLinks() {
    }

    /** What an edit changed: users mentioned now and not before, and the other way round. */
    public record MentionChange(List<Long> added, List<Long> removed) {
    }

    /** A new tweet's mentions and tags; returns who it mentions (nothing stored before it to look up). */
    static MentionChange storeNewTweet(Handle h, long tweetId, String content) {
        List<String> keys = PostText.mentionKeys(content);
        List<String> tags = PostText.tags(content);
        if (keys.isEmpty() && tags.isEmpty()) {
            return new MentionChange(List.of(), List.of()); // most posts: no DAO to attach, nothing to store
        }
        return store(h.attach(PostLinkDao.class), tweetId, keys, tags, List.of());
    }

    /** An edited tweet's mentions and tags; returns who is newly (or no longer) mentioned. */
    static MentionChange storeTweet(Handle h, long tweetId, String content) {
        PostLinkDao dao = h.attach(PostLinkDao.class);
        dao.deleteTags(tweetId);
        return store(dao, tweetId, PostText.mentionKeys(content), PostText.tags(content), dao.tweetMentions(tweetId));
    }

    /** Stores the mentions of {@code keys} against those stored {@code before}, and {@code tags} (none stored now). */
    private static MentionChange store(PostLinkDao dao, long tweetId, List<String> keys, List<String> tags,
                                       List<Long> before) {
        List<Long> now = mentioned(dao, keys);
        List<Long> added = new ArrayList<>(now);
        added.removeAll(before);
        List<Long> removed = new ArrayList<>(before);
        removed.removeAll(now);
        for (long user : added) {
            dao.insertTweetMention(tweetId, user);
        }
        for (long user : removed) {
            dao.deleteTweetMention(tweetId, user);
        }
        for (String tag : tags) {
            dao.insertTag(tweetId, tag);
        }
        return new MentionChange(added, removed);
    }

    /** A new reply's mentions; returns who it mentions. */
    public static List<Long> storeReply(Handle h, long replyId, String content) {
        PostLinkDao dao = h.attach(PostLinkDao.class);
        List<Long> users = mentioned(dao, PostText.mentionKeys(content));
        for (long user : users) {
            dao.insertReplyMention(replyId, user);
        }
        return users;
    }

    private static List<Long> mentioned(PostLinkDao dao, List<String> keys) {
        return keys.isEmpty() ? List.of() : dao.userIds(keys);
    }
}
