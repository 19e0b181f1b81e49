package dev.raven.config;

import dev.raven.timeline.TimelineSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every setting, parsed and checked once at start-up. See config.properties for
 * what each one means; a malformed value fails here with the key in the message.
 */
public record RavenConfig(
        String serverHost,
        int serverPort,
        Duration shutdownGrace,
        long maxBodyBytes,
        boolean trustProxy,
        List<String> corsOrigins,
        HttpLimits httpLimits,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        int h2CacheMb,
        String jwtSecret,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration refreshGrace,
        int bcryptCost,
        RateLimitSettings rateLimits,
        String instanceName,
        int tweetMaxLength,
        Duration exploreWindow,
        long storageMinFreeBytes,
        RegistrationMode registrationMode,
        boolean invitesByUsers,
        Duration inviteTtl,
        MediaSettings media,

        Duration streamHeartbeat,
        int streamMaxPerUser,
        boolean streamTiming,
        int timelineCacheReaders,
        int timelineCacheItems,
        int tweetCacheSize,
        TimelineSettings timeline) {

    /** The embedded database's file name in data.dir, without H2's .mv.db suffix. */
    public static final String EMBEDDED_DB_NAME = "raven";

    /** The longest refresh retry window allowed: long enough for any client's retry, no more. */
    static final Duration MAX_REFRESH_GRACE = Duration.ofMinutes(5);

    /** Loads defaults, then ./config.properties (or $RAVEN_CONFIG), then RAVEN_* variables. */
    public static RavenConfig load(Map<String, String> env) {
        RawSettings raw = RawSettings.defaults();
        String file = env.get("RAVEN_CONFIG");
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new ConfigException("RAVEN_CONFIG: no such file " + path);
            }
            raw = raw.withFile(path);
        } else if (Files.isRegularFile(Path.of("config.properties"))) {
            raw = raw.withFile(Path.of("config.properties"));
        }
        return parse(raw.withEnvironment(env));
    }

    /** The defaults with the given settings changed: for tests and tools. */
    public static RavenConfig withSettings(Map<String, String> settings) {
        return parse(RawSettings.defaults().with(settings, "overrides"));
    }

    static RavenConfig parse(RawSettings raw) {
        Parser p = new Parser(raw);
        Path dataDir = Path.of(p.text("data.dir", false)).toAbsolutePath().normalize();
        RateLimitSettings limits = new RateLimitSettings(
                p.bool("ratelimit.enabled"),
                p.integer("ratelimit.login.max", 1, 1_000_000),
                p.integer("ratelimit.login.ip.max", 1, 1_000_000),
                p.duration("ratelimit.login.window"),
                p.integer("ratelimit.register.max", 1, 1_000_000),
                p.duration("ratelimit.register.window"),
                p.integer("ratelimit.refresh.max", 1, 1_000_000),
                p.duration("ratelimit.refresh.window"));
        String secret = p.text("jwt.secret", true);
        if (!secret.isEmpty() && secret.length() < 32) {
            throw new ConfigException("jwt.secret: must be at least 32 characters (or empty to generate one)");
        }
        Duration accessTtl = p.duration("jwt.access.ttl");
        Duration refreshTtl = p.duration("jwt.refresh.ttl");
        if (refreshTtl.compareTo(accessTtl) < 0) {
            throw new ConfigException("jwt.refresh.ttl: must not be shorter than jwt.access.ttl");
        }
        Duration refreshGrace = p.durationOrZero("jwt.refresh.grace");
        if (refreshGrace.compareTo(MAX_REFRESH_GRACE) > 0) {
            throw new ConfigException("jwt.refresh.grace: at most " + MAX_REFRESH_GRACE.toMinutes()
                    + "m (a long window weakens the detection of stolen refresh tokens)");
        }
        HttpLimits http = httpLimits(p);
        // A stream must hear something within http.idle.timeout or it is cut: beats come at
        // least twice per idle timeout, whatever stream.heartbeat says.
        Duration heartbeat = p.duration("stream.heartbeat");
        Duration halfIdle = http.idleTimeout().dividedBy(2);
        if (heartbeat.compareTo(halfIdle) > 0) {
            heartbeat = halfIdle.isZero() ? Duration.ofMillis(500) : halfIdle;
        }
        return new RavenConfig(
                p.text("server.host", false),
                p.integer("server.port", 0, 65535),
                p.duration("server.shutdown.grace"),
                p.integer("http.max.body.bytes", 1024, 100 * 1024 * 1024),
                p.bool("http.trust.proxy"),
                p.list("cors.origins"),
                http,
                dataDir,
                p.text("db.url", true),
                p.text("db.user", true),
                p.text("db.password", true),
                p.integer("db.pool.size", 1, 500),
                p.integer("db.h2.cache.mb", 0, 1_000_000),
                secret,
                accessTtl,
                refreshTtl,
                refreshGrace,
                p.integer("bcrypt.cost", 4, 31),
                limits,
                p.text("instance.name", false),
                p.integer("tweet.max.length", 1, 100_000),
                p.duration("explore.window"),
                p.longInteger("storage.min.free.bytes", 0, Long.MAX_VALUE),
                RegistrationMode.parse(p.text("registration.mode", false)),
                p.bool("registration.invites.by.users"),
                p.duration("registration.invite.ttl"),
                media(p),
                heartbeat,
                p.integer("stream.max.per.user", 1, 1_000),
                p.bool("stream.timing"),
                p.integer("timeline.cache.readers", 0, 1_000_000),
                p.integer("timeline.cache.items", 2, 10_000),
                p.integer("tweet.cache.size", 0, 1_000_000),
                timeline(p));
    }

    /** timeline.fanout: auto (the default) keeps the tables with PostgreSQL and not on the embedded database. */
    private static TimelineSettings timeline(Parser p) {
        String fanOut = p.text("timeline.fanout", false).toLowerCase(java.util.Locale.ROOT);
        boolean on = switch (fanOut) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> !usesH2(p.text("db.url", true));
            default -> throw new ConfigException("timeline.fanout: expected auto, true or false, got '"
                    + p.raw().get("timeline.fanout") + "'");
        };
        return new TimelineSettings(on, p.integer("timeline.length", 10, 100_000),
                p.integer("timeline.fanout.max.followers", 0, 100_000_000));
    }

    private static MediaSettings media(Parser p) {
        String store = p.text("media.store", false).toLowerCase(java.util.Locale.ROOT);
        MediaSettings.Store kind = switch (store) {
            case "filesystem" -> MediaSettings.Store.FILESYSTEM;
            case "database" -> MediaSettings.Store.DATABASE;
            default -> throw new ConfigException("media.store: expected filesystem or database, got '"
                    + p.raw().get("media.store") + "'");
        };
        return new MediaSettings(kind,
                p.longInteger("media.max.bytes", 1024, 100L * 1024 * 1024),
                p.longInteger("media.max.pixels", 1, 500_000_000),
                p.longInteger("media.quota.bytes", 0, Long.MAX_VALUE),
                p.bool("media.allow.external.urls"),
                p.longInteger("media.upload.buffer.bytes", 0, Long.MAX_VALUE));
    }

    private static HttpLimits httpLimits(Parser p) {
        return new HttpLimits(
                p.integer("http.threads.max", 8, 10_000),
                p.duration("http.idle.timeout"),
                p.duration("http.header.timeout"),
                p.duration("http.body.timeout"),
                p.integer("http.min.data.rate", 0, 100 * 1024 * 1024),
                p.duration("http.min.data.rate.grace"),
                p.integer("http.max.connections.per.address", 0, 1_000_000));
    }

    /** The JDBC URL in use: the configured one, or the embedded H2 file under data.dir. */
    public String effectiveDbUrl() {
        if (!dbUrl.isEmpty()) {
            return dbUrl;
        }
        return "jdbc:h2:file:" + dataDir.resolve(EMBEDDED_DB_NAME).toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // WRITE_DELAY=0: every commit reaches the file before the client hears OK,
                // so an acknowledged write survives kill -9 of the server.
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
                // H2 sizes its page cache from the heap (64 MB per GB of -Xmx: 6 MB at
                // -Xmx100m, which starves the timelines' reads); db.h2.cache.mb fixes it.
                + (h2CacheMb > 0 ? ";CACHE_SIZE=" + h2CacheMb * 1024L : "");
    }

    public boolean isH2() {
        return usesH2(dbUrl);
    }

    /** H2 for this db.url setting: empty (the embedded database) or an H2 URL. */
    private static boolean usesH2(String configuredDbUrl) {
        return configuredDbUrl.isEmpty() || configuredDbUrl.startsWith("jdbc:h2:");
    }

    /** Turns strings into typed values, naming the key in every complaint. */
    private record Parser(RawSettings raw) {
        String text(String key, boolean mayBeEmpty) {
            String value = raw.get(key);
            if (!mayBeEmpty && value.isEmpty()) {
                throw new ConfigException(key + ": must not be empty (set in " + raw.source(key) + ")");
            }
            return value;
        }

        int integer(String key, int min, int max) {
            return (int) longInteger(key, min, max);
        }

        long longInteger(String key, long min, long max) {
            String value = raw.get(key);
            try {
                long n = Long.parseLong(value);
                if (n < min || n > max) {
                    throw new ConfigException(key + ": must be between " + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(key + ": expected a whole number, got '" + value + "' (set in "
                        + raw.source(key) + ")");
            }
        }

        boolean bool(String key) {
            String value = raw.get(key).toLowerCase(java.util.Locale.ROOT);
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigException(key + ": expected true or false, got '" + raw.get(key) + "'");
            };
        }

        Duration duration(String key) {
            Duration d = Durations.parse(key, raw.get(key));
            if (d.isZero()) {
                throw new ConfigException(key + ": must be longer than zero");
            }
            return d;
        }

        /** A duration where 0 means "off". */
        Duration durationOrZero(String key) {
            return Durations.parse(key, raw.get(key));
        }

        List<String> list(String key) {
            String value = raw.get(key);
            if (value.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
