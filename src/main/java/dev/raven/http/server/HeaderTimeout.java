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
 * deadline of its own: a client sending one header byte (or one blank line) every few seconds
 * would keep its connection forever, the idle timeout never firing. Connections are swept a few times per
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
    private Map<EndPoint, Head> suspects = Map.of();

    public HeaderTimeout(AbstractConnector connector, Duration timeout, ClientLimitLogs logs) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
        // Closed within half the timeout after it passes (two sweeps), sweeping at most 10 times a second.
        this.sweepNanos = Math.max(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(100));
        this.closures = logs.create(log, "connection(s) closed, headers slower than " + timeout.toMillis() + " ms");
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
            long now = NanoTime.now();
            Map<EndPoint, Head> seen = new HashMap<>();
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (!(endPoint.getConnection() instanceof HttpConnection http) || !inHead(http.getParser())) {
                    continue;
                }
                // Requests completed so far: tells this request's head from the previous one's.
                long request = http.getMessagesIn();
                long begin = http.getParser().getBeginNanoTime();
                Head before = suspects.get(endPoint);
                boolean sameHead = before != null && before.request() == request;
                // Jetty restarts its clock at every blank line before a request line: keep the first one.
                long since = sameHead ? Math.min(before.since(), begin) : begin;
                // Closed only when a second sweep sees the same head overdue: one unlocked look
                // at another thread's parser could be stale, two a sweep apart cannot.
                if (sameHead && NanoTime.elapsed(since, now) > timeoutNanos) {
                    closures.record(hostOf(endPoint));
                    endPoint.close();
                } else {
                    seen.put(endPoint, new Head(request, since));
                }
            }
            suspects = seen;
        } catch (RuntimeException e) {
            log.warn("Header timeout sweep failed: {}", e.toString());
        } finally {
            scheduleSweep();
        }
    }

    /**
     * Whether the parser holds part of a request head: blank lines before a request line, or
     * a request line and headers not yet complete. (Its begin time is 0 between requests.)
     */
    private static boolean inHead(HttpParser parser) {
        if (parser.getBeginNanoTime() == 0) {
            return false;
        }
        return parser.isStart() || (!parser.isIdle() && parser.inHeaderState());
    }

    private record Head(long request, long since) {
    }

    private static String hostOf(EndPoint endPoint) {
        return endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : String.valueOf(endPoint.getRemoteSocketAddress());
    }
}
