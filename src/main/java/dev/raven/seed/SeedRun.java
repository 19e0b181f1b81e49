package dev.raven.seed;

import dev.raven.auth.AccessTokens;
import dev.raven.auth.PasswordHasher;
import dev.raven.auth.SessionCache;
import dev.raven.auth.Sessions;
import org.jdbi.v3.core.Jdbi;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/** One seeding: the data, then (if asked) the fixture files, with a summary at the end. */
public final class SeedRun {
    private final Jdbi jdbi;
    private final AccessTokens accessTokens;
    private final Duration refreshTtl;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final boolean embeddedH2;

    public SeedRun(Jdbi jdbi, AccessTokens accessTokens, Duration refreshTtl, PasswordHasher hasher, Clock clock,
                   boolean embeddedH2) {
        this.embeddedH2 = embeddedH2;
        this.jdbi = jdbi;
        this.accessTokens = accessTokens;
        this.refreshTtl = refreshTtl;
        this.hasher = hasher;
        this.clock = clock;
    }

    public void run(SeedPlan plan, PrintStream out) {
        long started = System.nanoTime();
        Seeder.SeedResult result = new Seeder(jdbi, plan, clock.instant(), embeddedH2).run(hasher);
        if (plan.fixturesDir() != null) {
            Sessions sessions = new Sessions(jdbi, accessTokens, refreshTtl, Duration.ZERO, clock, SessionCache.disabled());
            new SeedFixtures(jdbi, sessions, plan.seed()).write(plan.fixturesDir(), plan, result, bcryptMillis());
        }
        out.printf("Seeded %d users and %d tweets in %d s%s%n", plan.users(), plan.tweets(),
                (System.nanoTime() - started) / 1_000_000_000L,
                plan.fixturesDir() == null ? "" : "; fixtures in " + plan.fixturesDir());
    }

    /** The time of one password hash at the configured cost: the bound on login throughput. */
    private double bcryptMillis() {
        int runs = 3;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            hasher.hash("bcrypt timing probe");
        }
        return (System.nanoTime() - start) / 1e6 / runs;
    }
}
