package dev.raven.cli;

import dev.raven.auth.AccessTokens;
import dev.raven.auth.JwtSecret;
import dev.raven.auth.PasswordHasher;
import dev.raven.config.RavenConfig;
import dev.raven.db.BulkLoads;
import dev.raven.db.Database;
import dev.raven.db.EmbeddedH2;
import dev.raven.seed.SeedPlan;
import dev.raven.seed.SeedRun;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/** seed: fills an empty database with a synthetic network for demos and benchmarks. */
final class SeedCommand implements Command {
    static final String DEFAULT_PASSWORD = "raven-seed-password";

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String summary() {
        return "fill an empty database with a synthetic network (demos, benchmarks)";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar raven.jar seed [--users N] [--tweets M] [--seed S] [--password P] [--fixtures DIR]

                Fills the configured database, which must be empty, with N users (user1, user2, ...),
                a skewed follow graph, M tweets over the past year, and likes, saves and retweets,
                with consistent counters. The same --seed gives the same network.
                  --users N      users to create (default 1000)
                  --tweets M     tweets to create (default 10000)
                  --seed S       random seed (default 42)
                  --password P   the password every seeded user shares (default raven-seed-password);
                                 it is hashed once, so seeding stays fast
                  --fixtures DIR also write files for load tests there: users.tsv and
                                 timeline_users.tsv (ids, username, a live access token),
                                 tweets.tsv (public tweet ids), bcrypt_ms
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("users", "tweets", "seed", "password", "fixtures");
    }

    @Override
    public int run(Args args, CliContext context) {
        args.positional(0, "");
        SeedPlan plan;
        try {
            plan = new SeedPlan(
                    number(args, "users", 1000), number(args, "tweets", 10_000),
                    Long.parseLong(args.optional("seed").orElse("42")),
                    args.optional("password").orElse(DEFAULT_PASSWORD),
                    args.optional("fixtures").map(Path::of).orElse(null), 1000);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RavenConfig config = context.config();
        if (plan.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 8) {
            throw new UsageException("--password must be at least 8 bytes");
        }
        try (Database database = Database.open(config)) {
            Clock clock = Clock.systemUTC();
            String secret = JwtSecret.resolve(config.jwtSecret(), config.dataDir());
            // Fixture tokens outlive a long benchmark run.
            AccessTokens tokens = new AccessTokens(secret, java.time.Duration.ofDays(7), clock);
            new SeedRun(database.jdbi(), tokens, config.refreshTokenTtl(), new PasswordHasher(config.bcryptCost()), clock,
                    EmbeddedH2.isUsedBy(config))
                    .run(plan, context.out());
            // The seeder writes the source tables directly: the timelines are computed from them
            // (with timeline.fanout=false they are not kept: a server turning it on rebuilds them).
            if (config.timeline().fanOut()) {
                TimelinesCommand.rebuild(database, config, context.out());
            }
            if (EmbeddedH2.isUsedBy(config)) {
                EmbeddedH2.compactAndClose(database.jdbi());
            } else {
                // Planner statistics and visibility maps for the bulk-loaded tables (H2's ANALYZE made
                // its timeline plans worse, so not there).
                database.jdbi().useHandle(h -> {
                    try {
                        BulkLoads.refreshStatistics(h.getConnection());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("could not analyze the seeded tables: " + e.getMessage(), e);
                    }
                });
            }
        } catch (IllegalStateException e) {
            throw new CommandFailed(e.getMessage());
        }
        return Cli.OK;
    }

    private static int number(Args args, String name, int fallback) {
        String text = args.optional(name).orElse(String.valueOf(fallback));
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + text + "'");
        }
    }
}
