package dev.raven.http.server;

import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Caps the open connections of one client address: the connection over the cap is closed as
 * it is accepted, before Jetty allocates anything for it (it has sent nothing yet, so there
 * is no request to answer). IPv6 addresses count per /64, the block one subscriber gets.
 */
public final class ConnectionsPerAddress implements SelectorManager.AcceptListener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int max;
    private final ThrottledLog refusals;
    // Guarded by this. The channel's address is kept: a closed channel no longer tells it.
    private final Map<SelectableChannel, String> addressOf = new IdentityHashMap<>();
    private final Map<String, Integer> openPer = new HashMap<>();

    public ConnectionsPerAddress(int max, ClientLimitLogs logs) {
        this.max = max;
        this.refusals = logs.create(log, "connection(s) refused, over " + max + " from one address");
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        String address = addressOf(channel);
        if (address == null) {
            return;
        }
        boolean over;
        synchronized (this) {
            addressOf.put(channel, address);
            int open = openPer.merge(address, 1, Integer::sum);
            over = open > max;
        }
        if (over) {
            refusals.record(address);
            // Jetty then reports onAcceptFailed, which gives the count back.
            IO.close(channel);
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        release(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        release(channel);
    }

    private synchronized void release(SelectableChannel channel) {
        String address = addressOf.remove(channel);
        if (address != null) {
            openPer.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
        }
    }

    private static String addressOf(SelectableChannel channel) {
        try {
            if (channel instanceof SocketChannel socket
                    && socket.getRemoteAddress() instanceof InetSocketAddress remote
                    && remote.getAddress() != null) {
                return keyOf(remote.getAddress());
            }
        } catch (IOException e) {
            // Already closed by the client: nothing to count.
        }
        return null;
    }

    static String keyOf(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }
}
