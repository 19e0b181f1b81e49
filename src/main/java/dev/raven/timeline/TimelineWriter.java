package dev.raven.timeline;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs fan-out jobs and rebuilds, keeping the rule the read side relies on: every raw row
 * of a reader (a tweet of theirs or of someone they follow, a retweet by someone they
 * follow, accounts in timeline_pulled_accounts excepted) whose time is at or after the
 * reader's horizon is in home_timelines. Rows whose source is gone may linger: reads
 * check every row against the live tables.
 */
final class TimelineWriter {
    /** Each delivery trims about one reader in this many, so a timeline overshoots its length by ~this. */
    static final int TRIM_EVERY = 32;
    /** The horizon of an account whose rows are not built yet: every page uses the pull query. */
    static final Instant NOT_BUILT = Instant.parse("9999-12-31T23:59:59Z");

    private final TimelineSettings settings;

    TimelineWriter(TimelineSettings settings) {
        this.settings = settings;
    }

    void run(Handle h, TimelineWriteDao.Job job) {
        TimelineWriteDao dao = h.attach(TimelineWriteDao.class);
        switch (JobKind.of(job.kind())) {
            case TWEET -> deliver(dao, job.userId(), job.subjectId(), false);
            case RETWEET -> deliver(dao, job.userId(), job.subjectId(), true);
            case UNRETWEET -> dao.removeGoneRetweet(job.subjectId(), job.userId());
            case FOLLOW -> backFill(dao, job.userId(), job.subjectId());
            case UNFOLLOW -> dao.removeUnfollowed(job.userId(), job.subjectId());
            case REBUILD -> rebuild(dao, job.userId());
        }
    }

    /** A tweet or retweet to the author's followers, unless the author has too many: then readers pull them. */
    private void deliver(TimelineWriteDao dao, long authorUserId, long tweetId, boolean retweet) {
        if (dao.isPulled(authorUserId)) {
            return;
        }
        if (dao.followersOf(authorUserId) > settings.maxFanOutFollowers()) {
            dao.markPulled(authorUserId);
            return;
        }
        if (retweet) {
            dao.fanOutRetweet(tweetId, authorUserId);
        } else {
            dao.fanOutTweet(tweetId);
        }
        List<Long> toTrim = new ArrayList<>(dao.followersToTrim(authorUserId, tweetId, TRIM_EVERY));
        if (!retweet && Math.floorMod(authorUserId + tweetId, TRIM_EVERY) == 0) {
            toTrim.add(authorUserId);
        }
        toTrim.forEach(reader -> trim(dao, reader));
    }

    /** Keeps the reader's newest {@code length} rows (and ties), raising the horizon past what goes. */
    void trim(TimelineWriteDao dao, long readerUserId) {
        Optional<Instant> cut = dao.nthRowTime(readerUserId, settings.length() - 1);
        if (cut.isPresent() && dao.trimBefore(readerUserId, cut.get()) > 0) {
            raiseHorizon(dao, readerUserId, cut.get());
        }
    }

    /** A new follow: the followed user's tweets and retweets since the reader's horizon, newest {@code length} of each. */
    private void backFill(TimelineWriteDao dao, long readerUserId, long followedUserId) {
        if (dao.isPulled(followedUserId)) {
            return;
        }
        Instant since = dao.horizon(readerUserId).orElse(Instant.EPOCH.minusSeconds(62_000_000_000L));
        if (since.equals(NOT_BUILT)) {
            return; // its rebuild job will read the follow
        }
        int length = settings.length();
        dao.backFillTweets(readerUserId, followedUserId, since, length);
        dao.backFillRetweets(readerUserId, followedUserId, since, length);
        // Older items than the length read may exist: the reader's rows are complete only after the last one read.
        dao.nthTweetTime(followedUserId, since, length - 1)
                .ifPresent(t -> raiseHorizon(dao, readerUserId, justAfter(t)));
        dao.nthRetweetTime(followedUserId, since, length - 1)
                .ifPresent(t -> raiseHorizon(dao, readerUserId, justAfter(t)));
        trim(dao, readerUserId);
    }

    /** Recomputes the reader's rows from the source tables: their newest {@code length}. */
    void rebuild(TimelineWriteDao dao, long readerUserId) {
        dao.clear(readerUserId);
        dao.clearHorizon(readerUserId);
        dao.rebuild(readerUserId, settings.length());
        if (dao.rowCount(readerUserId) >= settings.length()) {
            dao.oldestRowTime(readerUserId).ifPresent(t -> raiseHorizon(dao, readerUserId, justAfter(t)));
        }
    }

    private static void raiseHorizon(TimelineWriteDao dao, long readerUserId, Instant at) {
        dao.insertHorizon(readerUserId, at);
        dao.raiseHorizonRow(readerUserId, at);
    }

    private static Instant justAfter(Instant t) {
        return t.plus(1, ChronoUnit.MICROS);
    }
}
