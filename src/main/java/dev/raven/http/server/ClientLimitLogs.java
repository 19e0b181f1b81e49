package dev.raven.http.server;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The throttled WARN lines of the slow-client defences, one per kind of event, and the
 * timer that writes out counts still pending, so that the end of an attack is reported too.
 * One per server, found or added with {@link #of(Server)}.
 */
public final class ClientLimitLogs extends AbstractLifeCycle {
    private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long FLUSH_EVERY_SECONDS = 10;

    private final Scheduler scheduler;
    private final List<ThrottledLog> logs = new CopyOnWriteArrayList<>();
    private volatile Scheduler.Task next;

    private ClientLimitLogs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** This server's instance, added as a managed bean the first time. */
    public static synchronized ClientLimitLogs of(Server server) {
        ClientLimitLogs logs = server.getBean(ClientLimitLogs.class);
        if (logs == null) {
            logs = new ClientLimitLogs(server.getScheduler());
            server.addBean(logs, true);
        }
        return logs;
    }

    ThrottledLog create(Logger log, String what) {
        ThrottledLog throttled = new ThrottledLog(log, what, INTERVAL_NANOS);
        logs.add(throttled);
        return throttled;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
        logs.forEach(ThrottledLog::flushIfDue);
    }

    private void schedule() {
        next = scheduler.schedule(this::flush, FLUSH_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void flush() {
        logs.forEach(ThrottledLog::flushIfDue);
        if (isRunning()) {
            schedule();
        }
    }
}
