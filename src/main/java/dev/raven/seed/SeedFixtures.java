package dev.raven.seed;

import dev.raven.auth.Sessions;
import dev.raven.auth.Tokens;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The files load tests read, tab-separated, one record a line: users.tsv and
 * timeline_users.tsv (user_id, profile_id, username, access_token; the second holds users
 * who follow 50 to 500 accounts), tweets.tsv (public tweet ids), bcrypt_ms (one hash's time).
 * Each listed user gets a real login session, so its token passes the server's checks.
 */
final class SeedFixtures {
    private static final int TIMELINE_USERS = 500;
    private static final int TWEETS = 5_000;

    private final Jdbi jdbi;
    private final Sessions sessions;
    private final SplittableRandom random;

    SeedFixtures(Jdbi jdbi, Sessions sessions, long seed) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.random = new SplittableRandom(seed ^ 0x5eedL);
    }

    void write(Path dir, SeedPlan plan, Seeder.SeedResult result, double bcryptMillis) {
        try {
            Files.createDirectories(dir);
            List<Integer> everyone = new ArrayList<>();
            List<Integer> heavy = new ArrayList<>();
            for (int u = 1; u <= plan.users(); u++) {
                everyone.add(u);
                int following = result.graph().following(u);
                if (following >= 50 && following <= 500) {
                    heavy.add(u);
                }
            }
            Files.write(dir.resolve("users.tsv"), userLines(sample(everyone, plan.fixtureUsers())));
            Files.write(dir.resolve("timeline_users.tsv"), userLines(sample(heavy, TIMELINE_USERS)));
            List<String> tweetLines = sample(result.publicTweetIds(), TWEETS).stream().map(String::valueOf).toList();
            Files.write(dir.resolve("tweets.tsv"), tweetLines);
            Files.writeString(dir.resolve("bcrypt_ms"), String.format(java.util.Locale.ROOT, "%.1f%n", bcryptMillis));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fixtures to " + dir, e);
        }
    }

    private List<String> userLines(List<Integer> users) {
        return jdbi.inTransaction(h -> {
            List<String> lines = new ArrayList<>();
            for (int u : users) {
                Tokens tokens = sessions.start(h, u, "raven-seed", "127.0.0.1");
                // Seeded users' profile ids equal their user ids.
                lines.add(u + "\t" + u + "\t" + Seeder.username(u) + "\t" + tokens.access());
            }
            return lines;
        });
    }

    private <T> List<T> sample(List<T> from, int count) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, new java.util.Random(random.nextLong()));
        return copy.subList(0, Math.min(count, copy.size()));
    }
}
