package dev.raven.http.server;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections whose request line and headers are still incomplete http.header.timeout
 * after their first byte. Jetty parses headers without holding a thread, but has no such
 * deadline of its own: a client sending one header byte every few seconds would keep its
 * connection forever, the idle timeout never firing. Connections are swept a few times per
 * timeout rather than timed one by one, which costs the normal request nothing.
 */
public final class HeaderTimeout extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(HeaderTimeout.class);

    private final AbstractConnector connector;
    private final long timeoutNanos;
    private final long sweepNanos;
    private final ThrottledLog closures;
    private volatile Scheduler.Task next;
    // Only the sweep, one at a time on the scheduler, touches this.
    private Map<EndPoint, Long> suspects = Map.of();

    public HeaderTimeout(AbstractConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
        // Closed within half the timeout after it passes (two sweeps), sweeping at most 10 times a second.
        this.sweepNanos = Math.max(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(100));
        this.closures = new ThrottledLog(log, "connection(s) closed, headers slower than "
                + timeout.toMillis() + " ms", 1, TimeUnit.MINUTES);
    }

    @Override
    protected void doStart() {
        scheduleSweep();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void scheduleSweep() {
        if (isRunning() || isStarting()) {
            next = connector.getScheduler().schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        try {
            Map<EndPoint, Long> overdue = new HashMap<>();
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (endPoint.getConnection() instanceof HttpConnection http) {
                    long begin = overdueSince(http.getParser());
                    if (begin == 0) {
                        continue;
                    }
                    // Closed on the second sweep that sees the same request overdue: one look
                    // at another thread's parser could be stale, two seconds apart cannot.
                    if (Long.valueOf(begin).equals(suspects.get(endPoint))) {
                        closures.record(hostOf(endPoint));
                        endPoint.close();
                    } else {
                        overdue.put(endPoint, begin);
                    }
                }
            }
            suspects = overdue;
        } catch (RuntimeException e) {
            log.warn("Header timeout sweep failed: {}", e.toString());
        } finally {
            scheduleSweep();
        }
    }

    private static String hostOf(EndPoint endPoint) {
        return endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : String.valueOf(endPoint.getRemoteSocketAddress());
    }

    /**
     * When the request now being parsed began, if it is mid-headers (past its first byte, not yet
     * at the body) for longer than the timeout; otherwise 0. Read from another thread, unlocked.
     */
    private long overdueSince(HttpParser parser) {
        if (parser.isIdle() || !parser.inHeaderState()) {
            return 0;
        }
        long begin = parser.getBeginNanoTime();
        return begin != 0 && NanoTime.since(begin) > timeoutNanos ? begin : 0;
    }
}
