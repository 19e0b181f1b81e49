package dev.raven.notify;

import dev.raven.block.Relations;
import dev.raven.db.Transactions;
import dev.raven.http.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Notifications: written in the transaction of the action that causes them (so nothing is
 * notified that did not happen, and nothing happens unnotified), taken back with the
 * action while unread, listed, counted and marked read. Each write also raises an event
 * for the live streams, delivered when the transaction commits.
 */
public final class Notifications {
    /** The unread count stops counting here (the badge shows "999+"). */
    public static final int UNREAD_CEILING = 1000;
    /** At most this many people are named in one group of likes. */
    static final int GROUP_NAMES = 3;

    private final Jdbi jdbi;
    private final EventBus bus;
    private final Clock clock;

    public Notifications(Jdbi jdbi, EventBus bus, Clock clock) {
        this.jdbi = jdbi;
        this.bus = bus;
        this.clock = clock;
    }

    /** Writes one notification, if it may be written (see {@link #mayNotify}). */
    public void notify(Handle h, Notice notice) {
        notifyAll(h, List.of(notice));
    }

    /**
     * Writes notifications, if they may be written. Call last in the transaction: each
     * recipient's state row is locked, in recipient order (so writers never deadlock), so
     * that one recipient's notifications commit in the order of their ids.
     */
    public void notifyAll(Handle h, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        NotificationDao dao = h.attach(NotificationDao.class);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Notice> ordered = new ArrayList<>(notices);
        ordered.sort(Comparator.comparingLong(Notice::recipientId));
        for (Notice n : ordered) {
            if (n.actorId() == n.recipientId()) {
                continue; // nobody is told about what they did to their own things
            }
            Settings settings = lockState(dao, n.recipientId());
            if (!settings.wants(n.kind()) || !mayNotify(h, n)) {
                continue;
            }
            dao.insert(n.recipientId(), n.actorId(), n.kind().code, n.tweetId(), n.replyId(), now);
            bus.publish(h, StreamEvents.news(n.recipientId()));
        }
    }

    /**
     * Whether the recipient may be told about this action: they must be able to see the
     * post, by the rule every list uses (TweetSql.VISIBLE, the recipient as viewer), so a
     * mention in a followers-only post notifies no one who does not follow its author, and
     * not across a block or from a muted account.
     */
    static boolean mayNotify(Handle h, Notice n) {
        // Nobody hears from an account they block, are blocked by, or mute (a mute is never told).
        if (Relations.eitherBlocks(h, n.actorId(), n.recipientId()) || Relations.mutes(h, n.recipientId(), n.actorId())) {
            return false;
        }
        return n.tweetId() == null || h.attach(NotificationDao.class).visibleTo(n.tweetId(), n.recipientId());
    }

    private static Settings lockState(NotificationDao dao, long userId) {
        return dao.lock(userId).orElseGet(() -> {
            dao.ensureState(userId);
            return dao.lock(userId).orElseThrow();
        });
    }

    /** Undo of a follow: its notification goes, if unread. */
    public void withdrawFollow(Handle h, long actor, long recipient) {
        if (h.attach(NotificationDao.class).deleteUnread(actor, recipient, Kind.FOLLOW.code) > 0) {
            bus.publish(h, StreamEvents.news(recipient));
        }
    }

    /** Undo of a like, retweet or mention of a tweet: its notification goes, if unread. */
    public void withdrawOnTweet(Handle h, Kind kind, long actor, long recipient, long tweetId) {
        if (h.attach(NotificationDao.class).deleteUnreadOnTweet(actor, recipient, kind.code, tweetId) > 0) {
            bus.publish(h, StreamEvents.news(recipient));
        }
    }

    /** Undo of a like of a reply: its notification goes, if unread. */
    public void withdrawOnReply(Handle h, Kind kind, long actor, long recipient, long replyId) {
        if (h.attach(NotificationDao.class).deleteUnreadOnReply(actor, recipient, kind.code, replyId) > 0) {
            bus.publish(h, StreamEvents.news(recipient));
        }
    }

    /** A new post on the author's followers' home timelines (a tweet, or a retweet by them). */
    public void timeline(Handle h, long authorUserId, long tweetId) {
        bus.publish(h, StreamEvents.timeline(authorUserId, tweetId));
    }

    /** GET /api/notifications/: newest first, likes of one post on the page grouped. */
    public List<Notification> page(long viewer, Paging.PageRequest page, UnaryOperator<List<NotificationRow>> pager) {
        List<NotificationRow> rows = jdbi.withExtension(NotificationDao.class,
                dao -> dao.page(viewer, page.beforeId(), page.fetchSize()));
        return group(pager.apply(rows));
    }

    static Paging.Cursor cursor(NotificationRow row) {
        return new Paging.Cursor(row.createdAt(), row.id());
    }

    /** Likes of one post (the same kind, tweet and reply) become one item: the newest, with a count. */
    static List<Notification> group(List<NotificationRow> rows) {
        Map<String, List<NotificationRow>> groups = new LinkedHashMap<>();
        for (NotificationRow row : rows) {
            boolean groups_ = row.kind().equals(Kind.LIKE.code) || row.kind().equals(Kind.REPLY_LIKE.code);
            String key = groups_ ? row.kind() + ":" + row.tweetId() + ":" + row.replyId() : "id:" + row.id();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Notification> items = new ArrayList<>(groups.size());
        for (List<NotificationRow> group : groups.values()) {
            Notification first = group.get(0).toNotification();
            if (group.size() == 1) {
                items.add(first);
                continue;
            }
            List<Notification.Actor> actors = group.stream().limit(GROUP_NAMES)
                    .map(r -> new Notification.Actor(r.actorId(), r.username(), r.alias(), r.imageUrl())).toList();
            boolean read = group.stream().allMatch(NotificationRow::read);
            items.add(new Notification(first.id(), first.kind(), first.actor(), actors, group.size(), first.tweetId(),
                    first.replyId(), first.content(), first.createdAt(), read));
        }
        return items;
    }

    /** GET /api/notifications/unread_count/. */
    public int unread(long viewer) {
        return jdbi.withExtension(NotificationDao.class, dao -> dao.unread(viewer, UNREAD_CEILING));
    }

    /** POST /api/notifications/read/: everything up to {@code upTo} (null: up to the newest) is read. */
    public int markRead(long viewer, Long upTo) {
        Transactions.useTransaction(jdbi, h -> {
            NotificationDao dao = h.attach(NotificationDao.class);
            lockState(dao, viewer);
            dao.markRead(viewer, upTo == null ? dao.newestId(viewer) : upTo);
            bus.publish(h, StreamEvents.news(viewer));
        });
        return unread(viewer);
    }

    public Settings settings(long viewer) {
        return jdbi.withExtension(NotificationDao.class, dao -> dao.settings(viewer)).orElse(Settings.ALL);
    }

    Settings changeSettings(long viewer, Settings.Change change) {
        return Transactions.inTransaction(jdbi, h -> {
            NotificationDao dao = h.attach(NotificationDao.class);
            Settings next = change.applyTo(lockState(dao, viewer));
            dao.saveSettings(viewer, next.likes(), next.retweets(), next.replies(), next.follows(), next.mentions());
            return next;
        });
    }

    /** For the web app's settings form: every switch given. */
    public Settings saveSettings(long viewer, Settings settings) {
        return changeSettings(viewer, new Settings.Change(settings.likes(), settings.retweets(), settings.replies(),
                settings.follows(), settings.mentions()));
    }
}
