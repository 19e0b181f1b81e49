package dev.raven.seed;

import java.nio.file.Path;

/**
 * What to seed: sizes, the random seed that makes it repeatable, the one password every
 * seeded user shares, and where to write the fixture files benchmarks read.
 */
public record SeedPlan(int users, int tweets, long seed, String password, Path fixturesDir, int fixtureUsers) {
    public SeedPlan {
        if (users < 2) {
            throw new IllegalArgumentException("--users must be at least 2");
        }
        if (tweets < 0) {
            throw new IllegalArgumentException("--tweets must not be negative");
        }
    }
}
