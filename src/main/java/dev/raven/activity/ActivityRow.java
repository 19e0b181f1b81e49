package dev.raven.activity;

import dev.raven.http.Paging;

import java.time.Instant;

/**
 * One row of a mixed list page: a tweet ({@code kind} {@link ActivityDao#TWEET}, {@code id}
 * = tweetId) or a reply ({@code kind} {@link ActivityDao#REPLY}, {@code id} = the reply,
 * {@code tweetId} = its parent), and the time it sorts by.
 */
public record ActivityRow(int kind, long id, long tweetId, Instant sortAt) {

    boolean isReply() {
        return kind == ActivityDao.REPLY;
    }

    Paging.Cursor cursor() {
        return new Paging.Cursor(sortAt, kind, id);
    }
}
