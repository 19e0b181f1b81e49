import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Live-update streams against a Raven on this machine, for the benchmark (bench/run.sh
 * streams; docs/BENCHMARKS.md). Opens one GET /api/stream/ per user of users.tsv (up to
 * --streams), spread over 127.0.0.2, 127.0.0.3, ... so that no address goes over the
 * server's per-address connection cap, waits until every stream has answered 200 and sent
 * its first event, and says so ("STREAMS_OPEN n" on stdout: the runner then reads the
 * server's RSS). Then, for --seconds, --probes of those users are followed and unfollowed
 * in turn by other users over HTTP, and each follow's time from request to its
 * "notification" event on the followed user's stream is recorded. At the end one line
 * "STREAMS_RESULT {json}" with the delivery percentiles. One selector thread reads every
 * stream; one thread sends the follows. JDK 17, no dependencies.
 *
 *   java bench/Streams.java --port 8080 --users users.tsv [--streams 1000] [--per-address 50]
 *        [--probes 20] [--seconds 30] [--hold 10]
 */
public final class Streams {
    static final class Stream {
        final String[] user; // user_id, profile_id, username, token
        final SocketChannel channel;
        final StringBuilder text = new StringBuilder();
        boolean ok;
        boolean ready;
        boolean closed;
        volatile long followSentAt;
        int notifications;

        Stream(String[] user, SocketChannel channel) {
            this.user = user;
            this.channel = channel;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(arg(args, "--port", "8080"));
        List<String[]> users = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(arg(args, "--users", "bench/work/fixtures/users.tsv")))) {
            if (!line.isBlank()) {
                users.add(line.split("\t"));
            }
        }
        int wanted = Math.min(users.size(), Integer.parseInt(arg(args, "--streams", "1000")));
        int perAddress = Integer.parseInt(arg(args, "--per-address", "50"));
        int probes = Math.min(wanted / 2, Integer.parseInt(arg(args, "--probes", "20")));
        long seconds = Long.parseLong(arg(args, "--seconds", "30"));
        long hold = Long.parseLong(arg(args, "--hold", "10"));

        Selector selector = Selector.open();
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            String[] user = users.get(i);
            SocketChannel ch = SocketChannel.open();
            ch.bind(new InetSocketAddress("127.0.0." + (2 + i / perAddress), 0));
            ch.connect(new InetSocketAddress("127.0.0.1", port));
            ch.configureBlocking(false);
            String request = "GET /api/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: JWT " + user[3] + "\r\n\r\n";
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            Stream s = new Stream(user, ch);
            ch.register(selector, SelectionKey.OP_READ, s);
            streams.add(s);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (streams.stream().filter(s -> s.ready).count() + streams.stream().filter(s -> s.closed).count() < wanted
                && System.nanoTime() < deadline) {
            poll(selector, 200);
        }
        long open = streams.stream().filter(s -> s.ready && !s.closed).count();
        System.out.println("STREAMS_OPEN " + open);
        System.out.flush();
        System.err.println("streams open: " + open + " of " + wanted + "; holding " + hold + "s for the RSS reading");
        long holdUntil = System.nanoTime() + hold * 1_000_000_000L;
        while (System.nanoTime() < holdUntil) {
            poll(selector, 200);
        }

        // Delivery: followers (users after the streamed ones, or the last streamed ones) follow probes in turn.
        List<Long> latencies = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        Thread actor = new Thread(() -> {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            int round = 0;
            while (System.nanoTime() < end) {
                for (int p = 0; p < probes && System.nanoTime() < end; p++) {
                    Stream probe = streams.get(p);
                    String[] follower = users.get(probes + (round * probes + p) % (users.size() - probes));
                    if (follower[0].equals(probe.user[0])) {
                        continue;
                    }
                    for (int twice = 0; twice < 2; twice++) { // follow (measured), then unfollow
                        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/api/profiles/follow_status/" + probe.user[1] + "/"))
                                .header("Authorization", "JWT " + follower[3])
                                .PUT(HttpRequest.BodyPublishers.noBody()).build();
                        long sent = System.nanoTime();
                        // Set before sending: the event may arrive before the answer does.
                        probe.followSentAt = sent;
                        try {
                            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                            if (res.body().contains("added to")) {
                                synchronized (answers) {
                                    answers.add(System.nanoTime() - sent);
                                }
                            } else {
                                probe.followSentAt = 0; // an unfollow: no notification comes
                            }
                        } catch (IOException e) {
                            System.err.println("follow failed: " + e.getMessage());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                round++;
            }
        }, "actor");
        actor.start();
        while (actor.isAlive()) {
            poll(selector, 100, latencies);
        }
        long settle = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < settle) {
            poll(selector, 100, latencies);
        }
        long stillOpen = streams.stream().filter(s -> s.ready && !s.closed).count();
        for (Stream s : streams) {
            s.channel.close();
        }
        System.out.println("STREAMS_RESULT {\"streams\":" + open + ",\"still_open\":" + stillOpen
                + ",\"deliveries\":" + latencies.size() + "," + percentiles("delivery", latencies) + ","
                + percentiles("follow_answer", answers) + "}");
    }

    private static void poll(Selector selector, long millis) throws IOException {
        poll(selector, millis, null);
    }

    private static void poll(Selector selector, long millis, List<Long> latencies) throws IOException {
        selector.select(millis);
        ByteBuffer buf = ByteBuffer.allocate(16384);
        for (SelectionKey key : selector.selectedKeys()) {
            Stream s = (Stream) key.attachment();
            buf.clear();
            int n;
            try {
                n = s.channel.read(buf);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                s.closed = true;
                key.cancel();
                continue;
            }
            s.text.append(new String(buf.array(), 0, n, StandardCharsets.UTF_8));
            if (!s.ok && s.text.indexOf("\r\n") > 0) {
                s.ok = s.text.toString().startsWith("HTTP/1.1 200");
                if (!s.ok) {
                    System.err.println("refused: " + s.text.substring(0, s.text.indexOf("\r\n")));
                    s.closed = true;
                    key.cancel();
                    continue;
                }
            }
            if (!s.ready && s.text.indexOf("event: unread") >= 0) {
                s.ready = true;
            }
            int at;
            while ((at = s.text.indexOf("event: notification")) >= 0) {
                s.notifications++;
                long sent = s.followSentAt;
                if (latencies != null && sent != 0) {
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - sent);
                    }
                    s.followSentAt = 0;
                }
                s.text.delete(0, at + 19);
            }
            if (s.text.length() > 4096) {
                s.text.delete(0, s.text.length() - 64); // keep a tail: an event name may span two reads
            }
        }
        selector.selectedKeys().clear();
    }

    private static String percentiles(String name, List<Long> nanos) {
        long[] sorted;
        synchronized (nanos) {
            sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (sorted.length == 0) {
            return "\"" + name + "_p50_ms\":0,\"" + name + "_p99_ms\":0,\"" + name + "_max_ms\":0";
        }
        return "\"" + name + "_p50_ms\":" + ms(sorted[sorted.length / 2]) + ",\"" + name + "_p99_ms\":"
                + ms(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)])
                + ",\"" + name + "_max_ms\":" + ms(sorted[sorted.length - 1]);
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static String arg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }
}
