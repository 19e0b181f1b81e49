package dev.raven.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raven.activity.ActivityHandler;
import dev.raven.activity.ActivityPages;
import dev.raven.activity.ActivityLists;
import dev.raven.auth.AccessTokens;
import dev.raven.auth.AccountRemoval;
import dev.raven.auth.Accounts;
import dev.raven.auth.AuthGuard;
import dev.raven.auth.AuthHandler;
import dev.raven.auth.AuthPages;
import dev.raven.auth.SettingsPages;
import dev.raven.auth.WebSessions;
import dev.raven.auth.JwtSecret;
import dev.raven.auth.PasswordHasher;
import dev.raven.auth.SessionCache;
import dev.raven.auth.SessionWrites;
import dev.raven.auth.Sessions;
import dev.raven.backup.BackupHandler;
import dev.raven.block.BlockPages;
import dev.raven.moderation.AdminAccounts;
import dev.raven.moderation.ModerationPages;
import dev.raven.moderation.AdminOpsHandler;
import dev.raven.moderation.Invites;
import dev.raven.moderation.Moderation;
import dev.raven.moderation.ModerationHandler;
import dev.raven.block.BlockHandler;
import dev.raven.block.Blocks;
import dev.raven.config.RavenConfig;
import dev.raven.db.Database;
import dev.raven.explore.Explore;
import dev.raven.explore.ExploreHandler;
import dev.raven.explore.ExplorePages;
import dev.raven.explore.ProfileDiscovery;
import dev.raven.db.EmbeddedH2;
import dev.raven.db.WriteEpoch;
import dev.raven.health.HealthHandler;
import dev.raven.instance.InstanceHandler;
import dev.raven.instance.InstanceInfo;
import dev.raven.media.MediaHandler;
import dev.raven.media.MediaLibrary;
import dev.raven.media.UploadPaths;
import dev.raven.http.Bodies;
import dev.raven.http.ClientAddress;
import dev.raven.http.DatabaseErrors;
import dev.raven.http.ErrorMapper;
import dev.raven.http.Json;
import dev.raven.http.JsonErrorPages;
import dev.raven.http.server.BodyBuffering;
import dev.raven.http.server.EarlyCors;
import dev.raven.http.server.ClientLimitLogs;
import dev.raven.http.server.JettySetup;
import dev.raven.ops.OperatorGuard;
import dev.raven.ops.OperatorToken;
import dev.raven.http.Paging;
import dev.raven.notify.EventBus;
import dev.raven.notify.EventBuses;
import dev.raven.notify.NotificationHandler;
import dev.raven.notify.NotificationPages;
import dev.raven.notify.Notifications;
import dev.raven.notify.StreamHandler;
import dev.raven.notify.StreamHub;
import dev.raven.tag.TagHandler;
import dev.raven.tag.TagPages;
import dev.raven.tag.Tags;
import dev.raven.http.UriRules;
import dev.raven.http.Utf8JsonMapper;
import dev.raven.profile.ProfileHandler;
import dev.raven.profile.ProfilePages;
import dev.raven.profile.Profiles;
import dev.raven.ratelimit.RateLimiter;
import dev.raven.reply.Replies;
import dev.raven.reply.ReplyHandler;
import dev.raven.reply.ReplyPages;
import dev.raven.reply.ReplyLikes;
import dev.raven.storage.StorageGuard;
import dev.raven.storage.WriteGate;
import dev.raven.tweet.HomeTimeline;
import dev.raven.tweet.TimelineCache;
import dev.raven.tweet.TimelineWrites;
import dev.raven.tweet.TweetCards;
import dev.raven.tweet.Reactions;
import dev.raven.tweet.TweetHandler;
import dev.raven.tweet.TweetPages;
import dev.raven.web.Assets;
import dev.raven.web.Csrf;
import dev.raven.web.ErrorPages;
import dev.raven.web.PageFilter;
import dev.raven.web.Pages;
import dev.raven.web.Templates;
import dev.raven.web.WebCookie;
import dev.raven.tweet.TweetLists;
import dev.raven.tweet.Tweets;
import dev.raven.timeline.FanOutSwitch;
import dev.raven.timeline.DormantReaders;
import dev.raven.timeline.FanOutWorker;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds a running Raven from a config: database, services, routes, server. Tests start
 * one on port 0 with their own database; {@link dev.raven.Main} starts one for real.
 */
public final class RavenApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RavenApp.class);

    private final RavenConfig config;
    private final Database database;
    private final Javalin javalin;
    private final ScheduledExecutorService housekeeping;
    private final EventBus bus;
    private final StreamHub streams;
    private final TimelineCache timelines;
    private final FanOutWorker fanOut;

    private RavenApp(RavenConfig config, Database database, Javalin javalin, ScheduledExecutorService housekeeping,
                     EventBus bus, StreamHub streams, TimelineCache timelines, FanOutWorker fanOut) {
        this.config = config;
        this.database = database;
        this.javalin = javalin;
        this.housekeeping = housekeeping;
        this.bus = bus;
        this.streams = streams;
        this.timelines = timelines;
        this.fanOut = fanOut;
    }

    /** Opens the database, runs migrations and starts serving. */
    public static RavenApp start(RavenConfig config) {
        Clock clock = Clock.systemUTC();
        StorageGuard storage = StorageGuard.of(config);
        Database database = Database.open(config, storage::onFault);
        EventBus bus = null;
        StreamHub streams = null;
        FanOutWorker fanOut = null;
        try {
            storage.start();
            if (config.timeline().fanOut()) {
                FanOutSwitch.turnOn(database.jdbi());
                // Resumes whatever fan-out a previous run left queued.
                fanOut = FanOutWorker.start(database.jdbi(), database.newBackgroundJdbi(), config.timeline());
            } else {
                FanOutSwitch.turnOff(database.jdbi());
            }
            String secret = JwtSecret.resolve(config.jwtSecret(), config.dataDir());
            ObjectMapper mapper = Json.newMapper();
            Bodies bodies = new Bodies(mapper);
            AccessTokens accessTokens = new AccessTokens(secret, config.accessTokenTtl(), clock);
            // Verified sessions stay in memory only where this process sees every write: the
            // embedded database. Instances sharing PostgreSQL read the session per request, so a
            // revocation on one is refused by the others at once.
            SessionCache sessionCache = EmbeddedH2.isUsedBy(config) ? SessionCache.enabled() : SessionCache.disabled();
            if (sessionCache.isEnabled()) {
                SessionWrites.watch(database.jdbi(), sessionCache);
            }
            Sessions sessions = new Sessions(database.jdbi(), accessTokens, config.refreshTokenTtl(),
                    config.refreshGrace(), clock, sessionCache);
            PasswordHasher hasher = new PasswordHasher(config.bcryptCost());
            MediaLibrary media = new MediaLibrary(database.jdbi(), config, clock);
            Accounts accounts = new Accounts(database.jdbi(), hasher, sessions, new AccountRemoval(media), media, clock,
                    config.registrationMode());
            RateLimiter limiter = new RateLimiter(clock, config.rateLimits().enabled());
            ClientAddress clientAddress = new ClientAddress(config.trustProxy());

            Paging paging = new Paging(config.trustProxy());
            Jdbi jdbi = database.jdbi();

            // Notifications and live streams (issue 14): events reach every instance's streams.
            bus = EventBuses.open(config, database);
            Notifications notifications = new Notifications(jdbi, bus, clock);
            // The streams read through connections of their own: deliveries never queue behind requests.
            Jdbi streamPool = database.dedicatedPool("raven-streams", StreamHub.CONNECTIONS);
            streams = new StreamHub(jdbi, streamPool, bus, mapper, config.streamHeartbeat(), config.streamMaxPerUser(),
                    clock, config.streamTiming());

            // The web app: browser sessions are login sessions too (docs/WEB.md).
            WebSessions webSessions = new WebSessions(jdbi, config.refreshTokenTtl(), clock, sessionCache);
            WebCookie webCookie = new WebCookie(config.trustProxy(), config.refreshTokenTtl());
            Csrf csrf = new Csrf(secret);
            Assets assets = Assets.load();
            Pages pages = new Pages(new Templates(), assets, csrf, webSessions, notifications::unread);
            AuthPages authPages = new AuthPages(accounts, webSessions, webCookie, pages, jdbi, clientAddress, limiter,
                    config.rateLimits());
            TimelineCache timelineCache = timelineCache(config, jdbi);
            TweetCards.install(jdbi, config.tweetCacheSize());
            if (!config.isH2()) {
                // Other instances may share PostgreSQL: their writes empty what this one holds.
                // (The counter is a PostgreSQL sequence; an H2 file, named by db.url or not, has one writer.)
                WriteEpoch.install(jdbi, database.dedicatedPool("raven-epoch", 1),
                        sql -> TimelineWrites.touchesTimelines(sql) || TweetCards.changesHeld(sql), () -> {
                            jdbi.getConfig(TweetCards.class).clear();
                            timelineCache.invalidateAll();
                        });
            }
            Tweets tweets = new Tweets(jdbi, config.tweetMaxLength(), media, clock, notifications, timelineCache,
                    !config.isH2());
            Reactions reactions = new Reactions(jdbi, clock, notifications, timelineCache);
            HomeTimeline homeTimeline = new HomeTimeline(jdbi, clock, timelineCache);
            ProfileDiscovery discovery = new ProfileDiscovery(jdbi);
            TweetLists tweetLists = new TweetLists(jdbi);
            TweetPages tweetPages = new TweetPages(tweets, reactions, homeTimeline, tweetLists, discovery, paging,
                    pages, config.tweetMaxLength(), authPages::welcome, media);
            Profiles profiles = new Profiles(jdbi, media, clock, notifications);
            ProfilePages profilePages = new ProfilePages(profiles, tweetLists, paging, pages);
            Replies replies = new Replies(jdbi, config.tweetMaxLength(), media, clock, notifications);
            ReplyLikes replyLikes = new ReplyLikes(jdbi, clock, notifications);
            ReplyPages replyPages = new ReplyPages(tweets, replies, replyLikes, paging, pages, config.tweetMaxLength(),
                    media);
            Explore explore = new Explore(jdbi, config.exploreWindow(), clock);
            ExplorePages explorePages = new ExplorePages(explore, discovery, paging, pages);
            ActivityLists activityLists = new ActivityLists(jdbi);
            ActivityPages activityPages = new ActivityPages(activityLists, profiles, paging, pages);
            Tags tags = new Tags(jdbi, config.exploreWindow(), clock);
            SettingsPages settingsPages = new SettingsPages(accounts, profiles, media, paging, webCookie, pages, limiter,
                    config.rateLimits());
            AuthGuard guard = new AuthGuard(accessTokens, sessions, webSessions, webCookie);

            Blocks blocks = new Blocks(jdbi, clock);
            Moderation moderation = new Moderation(jdbi, sessions, new AccountRemoval(media), media, clock);
            Invites invites = new Invites(jdbi, moderation, config.invitesByUsers(), config.inviteTtl(), clock);
            Handlers handlers = new Handlers(
                    new HealthHandler(jdbi, storage),
                    new InstanceHandler(InstanceInfo.of(config), mapper),
                    new AuthHandler(accounts, sessions, bodies, clientAddress, limiter, config.rateLimits()),
                    new ProfileHandler(profiles, bodies, paging),
                    new TweetHandler(tweets, reactions, tweetLists, homeTimeline, bodies, paging),
                    new ReplyHandler(replies, replyLikes,
                            bodies, paging),
                    new ActivityHandler(activityLists, paging),
                    new ExploreHandler(explore, discovery, bodies, paging),
                    new BackupHandler(jdbi, config.dataDir()), authPages, tweetPages, profilePages, replyPages,
                    explorePages, settingsPages, activityPages, assets,
                    new BlockHandler(blocks, paging),
                    new ModerationHandler(moderation, invites, bodies, paging),
                    new AdminOpsHandler(new AdminAccounts(jdbi, accounts, moderation, clock), bodies),
                    new BlockPages(blocks, profiles, paging, pages),
                    new ModerationPages(moderation, invites, paging, pages),
                    new MediaHandler(media, guard, paging),
                    new NotificationHandler(notifications, bodies, paging),
                    new TagHandler(tags, paging),
                    new StreamHandler(streams), new NotificationPages(notifications, paging, pages),
                    new TagPages(tags, paging, pages));
            PageFilter pageFilter = new PageFilter(csrf);
            ErrorPages errorPages = new ErrorPages(pages);
            // Operator tools exist only for the embedded database (online backup).
            OperatorGuard operatorGuard = new OperatorGuard(EmbeddedH2.isUsedBy(config)
                    ? OperatorToken.issue(config.dataDir()) : OperatorToken.none());

            WriteGate writeGate = new WriteGate(storage);
            Javalin javalin = Javalin.create(c -> {
                configure(c, config, mapper, guard, operatorGuard, writeGate, handlers);
                // After ErrorMapper: pages get HTML errors, the API keeps its JSON ones.
                errorPages.install(c);
                c.routes.beforeMatched(pageFilter::check);
            });
            checkUploadPaths(javalin);
            javalin.start(config.serverHost(), config.serverPort());

            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "raven-housekeeping");
                t.setDaemon(true);
                return t;
            });
            housekeeping.scheduleWithFixedDelay(() -> purge(sessions), 1, 60, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(() -> tidy(media), 5, 60, TimeUnit.MINUTES);
            if (fanOut != null) {
                housekeeping.scheduleWithFixedDelay(() -> sleepDormant(jdbi, clock), 2, 60, TimeUnit.MINUTES);
            }
            return new RavenApp(config, database, javalin, housekeeping, bus, streams, timelineCache, fanOut);
        } catch (RuntimeException e) {
            if (fanOut != null) {
                fanOut.close();
            }
            if (streams != null) {
                streams.close();
            }
            if (bus != null) {
                bus.close();
            }
            database.close();
            throw e;
        }
    }

    private static void configure(JavalinConfig c, RavenConfig config, ObjectMapper mapper, AuthGuard guard,
                                  OperatorGuard operatorGuard, WriteGate writeGate, Handlers handlers) {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.jsonMapper(new Utf8JsonMapper(mapper));
        // BodyBuffering holds every route to its own limit; Javalin's may not be the lower one.
        long uploadBytes = config.media().uploadBodyBytes();
        c.http.maxRequestSize = Math.max(config.maxBodyBytes(), uploadBytes);
        c.jetty.multipartConfig.maxFileSize(uploadBytes, io.javalin.config.SizeUnit.BYTES);
        c.jetty.multipartConfig.maxTotalRequestSize(uploadBytes, io.javalin.config.SizeUnit.BYTES);
        // The body is in memory already: parsing it must not write temporary files.
        c.jetty.multipartConfig.maxInMemoryFileSize((int) uploadBytes, io.javalin.config.SizeUnit.BYTES);
        c.http.defaultContentType = "application/json";
        c.router.ignoreTrailingSlashes = true;
        c.router.treatMultipleSlashesAsSingleSlash = true;
        c.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriRules.COMPLIANCE));
        c.jetty.threadPool = JettySetup.threadPool(config.httpLimits());
        c.jetty.addConnector((server, http) -> JettySetup.connector(server, http, config));
        c.jetty.modifyServer(server -> {
            // Finish in-flight requests on stop (SIGTERM), up to the configured grace. Each
            // body is read in full before a request thread is taken (slow clients hold none).
            server.setHandler(new GracefulHandler(
                    new BodyBuffering(config.maxBodyBytes(), new BodyBuffering.LargeBodies(UploadPaths::matches,
                            config.media().uploadBodyBytes(), "The picture is larger than media.max.bytes ("
                            + config.media().maxBytes() + " bytes).", config.media().uploadBudgetBytes()),
                            config.httpLimits(), mapper, new EarlyCors(config.corsOrigins()), ClientLimitLogs.of(server))));
            server.setStopTimeout(config.shutdownGrace().toMillis());
            server.setErrorHandler(new JsonErrorPages(mapper));
        });
        Cors.install(c, config.corsOrigins());
        ErrorMapper.install(c);
        DatabaseErrors.install(c);
        if (!config.isH2()) {
            // What a request read of the shared write counter serves that request only.
            c.routes.before(ctx -> WriteEpoch.requestBoundary());
            c.routes.after(ctx -> WriteEpoch.requestBoundary());
        }
        c.routes.beforeMatched(guard::check);
        c.routes.beforeMatched(operatorGuard::check);
        c.routes.beforeMatched(writeGate::check);
        Routes.register(c.routes, handlers);
    }

    /**
     * Home timelines held in memory; on PostgreSQL kept true across instances by {@link WriteEpoch}.
     */
    private static TimelineCache timelineCache(RavenConfig config, Jdbi jdbi) {
        if (config.timelineCacheReaders() == 0) {
            return TimelineCache.disabled();
        }
        TimelineCache cache = TimelineCache.of(config.timelineCacheReaders(), config.timelineCacheItems());
        TimelineWrites.watch(jdbi, cache);
        return cache;
    }

    private static void tidy(MediaLibrary media) {
        try {
            media.housekeep();
        } catch (RuntimeException e) {
            log.warn("Media housekeeping failed: {}", e.getMessage());
        }
    }

    private static void sleepDormant(Jdbi jdbi, Clock clock) {
        try {
            DormantReaders.sweep(jdbi, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Putting unread home timelines to sleep failed: {}", e.getMessage());
        }
    }

    private static void purge(Sessions sessions) {
        try {
            sessions.purgeExpired();
        } catch (RuntimeException e) {
            log.warn("Session purge failed: {}", e.getMessage());
        }
    }

    /** Every route that takes a picture has the larger body limit, and only those (see media.UploadPaths). */
    private static void checkUploadPaths(Javalin javalin) {
        javalin.unsafe.internalRouter.allHttpHandlers().forEach(route -> {
            String path = route.endpoint.path.replaceAll("\\{[^}]*}", "1");
            io.javalin.security.Roles roles = route.endpoint.metadata(io.javalin.security.Roles.class);
            boolean picture = roles != null && roles.getRoles().contains(Uploads.PICTURE);
            if (route.endpoint.method.isHttpMethod() && !route.endpoint.method.name().equals("GET")
                    && picture != UploadPaths.matches(path)) {
                throw new IllegalStateException("route " + route.endpoint.method + " " + route.endpoint.path
                        + (picture ? " takes pictures but is not in" : " does not take pictures but is in")
                        + " media.UploadPaths");
            }
        });
    }

    public int port() {
        return javalin.port();
    }

    public RavenConfig config() {
        return config;
    }

    /** Every route served, as "METHOD /path/{param}", for tests that must cover each one (the fuzz suite). */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(route -> route.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /** This instance's open event streams. */
    public StreamHub streams() {
        return streams;
    }

    /** Home timelines held in memory. */
    public TimelineCache timelines() {
        return timelines;
    }

    public Database database() {
        return database;
    }

    /** The event bus that carries committed news to the streams (tests publish on it). */
    public EventBus events() {
        return bus;
    }

    /** This instance's fan-out worker, null with fan-out off (tests stop it to leave jobs queued, and count its jobs). */
    public FanOutWorker fanOut() {
        return fanOut;
    }

    /** Stops accepting, lets in-flight requests finish, then closes the database. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        streams.close(); // open streams end now: a graceful stop waits for requests, and a stream never ends
        javalin.stop();
        bus.close();
        if (fanOut != null) {
            fanOut.close();
        }
        database.close();
    }
}
