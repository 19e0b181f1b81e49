package dev.raven.timeline;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Runs a batch of claimed jobs: the tweets and retweets (nearly all of them, under a post
     * load) are delivered together, a few statements for the whole batch (the follower
     * check, one INSERT ... SELECT for the tweets, one JDBC batch for the retweets, the
     * trims); the rarer kinds run one by one.
     */
    void runAll(Handle h, List<TimelineWriteDao.Job> jobs) {
        TimelineWriteDao dao = h.attach(TimelineWriteDao.class);
        List<TimelineWriteDao.Job> deliveries = new ArrayList<>();
        for (TimelineWriteDao.Job job : jobs) {
            JobKind kind = JobKind.of(job.kind());
            if (kind == JobKind.TWEET || kind == JobKind.RETWEET) {
                deliveries.add(job);
            } else {
                run(h, job);
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        List<Long> authors = deliveries.stream().map(TimelineWriteDao.Job::userId).distinct().toList();
        Set<Long> pulled = new HashSet<>(dao.pulledAmong(authors));
        List<Long> unknown = authors.stream().filter(a -> !pulled.contains(a)).toList();
        if (!unknown.isEmpty()) {
            for (long busy : dao.withMoreFollowersThan(unknown, settings.maxFanOutFollowers())) {
                dao.markPulled(busy);
                pulled.add(busy);
            }
        }
        List<Long> tweets = new ArrayList<>();
        List<Long> retweets = new ArrayList<>();
        List<Long> retweeters = new ArrayList<>();
        Set<Long> delivered = new HashSet<>();
        Set<Long> toTrim = new HashSet<>();
        long salt = jobs.get(0).id();
        for (TimelineWriteDao.Job job : deliveries) {
            if (pulled.contains(job.userId())) {
                continue;
            }
            delivered.add(job.userId());
            if (JobKind.of(job.kind()) == JobKind.RETWEET) {
                retweets.add(job.subjectId());
                retweeters.add(job.userId());
            } else {
                tweets.add(job.subjectId());
                if (Math.floorMod(job.userId() + job.subjectId(), TRIM_EVERY) == 0) {
                    toTrim.add(job.userId()); // the author's own rows grow too
                }
            }
        }
        if (!tweets.isEmpty()) {
            dao.fanOutTweets(tweets);
        }
        if (!retweets.isEmpty()) {
            dao.fanOutRetweets(retweets, retweeters);
        }
        if (!delivered.isEmpty()) {
            toTrim.addAll(dao.followersToTrimAmong(new ArrayList<>(delivered), salt, TRIM_EVERY));
        }
        toTrim.forEach(reader -> trim(dao, reader));
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
