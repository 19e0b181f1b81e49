package dev.raven.timeline;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs fan-out jobs and rebuilds, keeping the rule the read side relies on: every raw row
 * of a reader (a tweet of theirs or of someone they follow, a retweet by someone they
 * follow, accounts in timeline_pulled_accounts excepted) whose time is at or after the
 * reader's horizon is in home_timelines. Rows whose source is gone may linger: reads
 * check every row against the live tables.
 */
final class TimelineWriter {
    /** The horizon of an account whose rows are not built yet: every page uses the pull query. */
    static final Instant NOT_BUILT = Instant.parse("9999-12-31T23:59:59Z");

    private final TimelineSettings settings;
    /**
     * Each delivery trims about one reader in this many (half the length), so a timeline
     * overshoots its length by up to about half. A trim reads the reader's {@code length}
     * newest index entries to delete about this many: trimming one in 32 cost more than the
     * deliveries it followed (PostgreSQL bench: posting 354/s with fan-out against 649/s
     * without it, in one run).
     */
    private final int trimEvery;

    TimelineWriter(TimelineSettings settings) {
        this.settings = settings;
        this.trimEvery = Math.max(2, settings.length() / 2);
    }

    /** The rarer jobs, one at a time (deliveries go through {@link #runAll} together). */
    private void runOther(TimelineWriteDao dao, TimelineWriteDao.Job job) {
        switch (JobKind.of(job.kind())) {
            case UNRETWEET -> dao.removeGoneRetweet(job.subjectId(), job.userId());
            case FOLLOW -> backFill(dao, job.userId(), job.subjectId());
            case UNFOLLOW -> dao.removeUnfollowed(job.userId(), job.subjectId());
            case REBUILD -> rebuild(dao, job.userId());
            case TWEET, RETWEET -> throw new IllegalArgumentException("a delivery goes through runAll");
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
                runOther(dao, job);
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
                if (Math.floorMod(job.userId() + job.subjectId(), trimEvery) == 0) {
                    toTrim.add(job.userId()); // the author's own rows grow too
                }
            }
        }
        if (!tweets.isEmpty()) {
            dao.fanOutTweets(tweets, NOT_BUILT);
        }
        if (!retweets.isEmpty()) {
            dao.fanOutRetweets(retweets, retweeters, NOT_BUILT);
        }
        if (!delivered.isEmpty()) {
            toTrim.addAll(dao.followersToTrimAmong(new ArrayList<>(delivered), salt, trimEvery));
        }
        trim(dao, new ArrayList<>(toTrim));
    }

    /**
     * Keeps each reader's newest {@code length} rows (and ties), raising their horizon past
     * what goes: four statements for any number of readers (their cut times in one query,
     * then one JDBC batch each for the deletes and the two horizon writes).
     */
    private void trim(TimelineWriteDao dao, List<Long> readers) {
        if (readers.isEmpty()) {
            return;
        }
        List<Long> cutReaders = new ArrayList<>();
        List<Instant> cuts = new ArrayList<>();
        for (TimelineWriteDao.Cut cut : dao.nthRowTimes(readers, settings.length() - 1)) {
            if (cut.at() != null) {
                cutReaders.add(cut.readerId());
                cuts.add(cut.at());
            }
        }
        if (cutReaders.isEmpty()) {
            return;
        }
        int[] deleted = dao.trimBeforeAll(cutReaders, cuts);
        List<Long> raisedReaders = new ArrayList<>();
        List<Instant> raisedTo = new ArrayList<>();
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i] > 0) {
                raisedReaders.add(cutReaders.get(i));
                raisedTo.add(cuts.get(i));
            }
        }
        raiseHorizons(dao, raisedReaders, raisedTo);
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
        trim(dao, List.of(readerUserId));
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
        raiseHorizons(dao, List.of(readerUserId), List.of(at));
    }

    /** Each reader's rows are complete from its time on (never lowered). */
    private static void raiseHorizons(TimelineWriteDao dao, List<Long> readers, List<Instant> ats) {
        if (!readers.isEmpty()) {
            dao.insertHorizons(readers, ats);
            dao.raiseHorizonRows(readers, ats);
        }
    }

    private static Instant justAfter(Instant t) {
        return t.plus(1, ChronoUnit.MICROS);
    }
}
