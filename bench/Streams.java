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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Live-update streams against a Raven on this machine, for the benchmark (bench/run.sh
 * streams; docs/BENCHMARKS.md). Opens one GET /api/stream/ per user of users.tsv (up to
 * --streams), spread over 127.0.0.2, 127.0.0.3, ... so that no address goes over the
 * server's per-address connection cap, waits until every stream has answered 200 and sent
 * its first event, and says so ("STREAMS_OPEN n" on stdout: the runner then reads the
 * server's RSS). Then, for --seconds, --actors threads each take their share of --probes
 * streamed users and have other users follow them in turn over HTTP. For each follow it
 * records when the request was sent, when its answer came, and when the matching
 * "notification" event (kind follow, that follower) arrived on the followed user's stream;
 * and, when the server stamps its events (stream.timing=true: a comment ": at <heard µs>
 * <written µs>" before each), when the server heard of the commit and wrote the event. Only
 * after the event (or --wait-ms without it: counted as missed) does the actor unfollow, so
 * an unfollow never takes back a notification still on its way. At the end one line
 * "STREAMS_RESULT {json}" with percentiles of every measure. One selector thread reads
 * every stream. JDK 17, no dependencies.
 *
 *   java bench/Streams.java --port 8080 --users users.tsv [--streams 1000] [--per-address 50]
 *        [--probes 100] [--actors 4] [--gap-ms 20] [--wait-ms 5000] [--seconds 30] [--hold 10]
 */
public final class Streams {
    static final class Stream {
        final String[] user; // user_id, profile_id, username, token
        final SocketChannel channel;
        final StringBuilder text = new StringBuilder();
        boolean ok;
        boolean ready;
        boolean closed;
        // The event being parsed.
        String eventName;
        final StringBuilder data = new StringBuilder();
        long heardMicros;
        long writtenMicros;
        // The follow in flight for this user, guarded by the stream: its follower, when its
        // request was sent and when its event arrived (System.nanoTime()), and the server's stamps.
        String awaitedFollower;
        long eventAt;
        long eventAtMicros;
        long eventHeardMicros;
        long eventWrittenMicros;

        Stream(String[] user, SocketChannel channel) {
            this.user = user;
            this.channel = channel;
        }
    }

    /** Samples in nanoseconds (signed: an event may come before the answer). */
    static final class Samples {
        final List<Long> values = new ArrayList<>();

        synchronized void add(long nanos) {
            values.add(nanos);
        }

        synchronized String json(String name) {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            StringBuilder out = new StringBuilder("\"" + name + "_n\":" + sorted.length);
            for (String[] p : new String[][] {{"p50", "0.50"}, {"p95", "0.95"}, {"p99", "0.99"}, {"max", "1"}}) {
                double q = Double.parseDouble(p[1]);
                long v = sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)];
                out.append(",\"").append(name).append('_').append(p[0]).append("_ms\":")
                        .append(String.format(Locale.ROOT, "%.1f", v / 1e6));
            }
            return out.toString();
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
        int probes = Math.min(wanted / 2, Integer.parseInt(arg(args, "--probes", "100")));
        int actors = Math.max(1, Math.min(probes, Integer.parseInt(arg(args, "--actors", "4"))));
        long gapMillis = Long.parseLong(arg(args, "--gap-ms", "20"));
        long waitMillis = Long.parseLong(arg(args, "--wait-ms", "5000"));
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

        Samples sentToEvent = new Samples();      // (a) request sent -> event received
        Samples answerToEvent = new Samples();    // (b) answer received -> event received (negative: event first)
        Samples answers = new Samples();          // (c) the follow's own answer
        Samples heardToWritten = new Samples();   // (d) server: commit heard -> event written
        Samples heardToReceived = new Samples();  //     commit heard -> event received here
        int[] missed = {0};
        int[] eventFirst = {0};
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> actorThreads = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            int actor = a;
            Thread t = new Thread(() -> {
                int round = 0;
                while (System.nanoTime() < end) {
                    for (int p = actor; p < probes && System.nanoTime() < end; p += actors) {
                        Stream probe = streams.get(p);
                        if (probe.closed) {
                            continue;
                        }
                        // Followers: users after the probes, each actor on its own rotation.
                        int pool = users.size() - probes;
                        String[] follower = users.get(probes + (round * probes + p) % pool);
                        try {
                            if (!followOnce(http, port, probe, follower, waitMillis, sentToEvent, answerToEvent,
                                    answers, heardToWritten, heardToReceived, missed, eventFirst)) {
                                continue;
                            }
                            put(http, port, probe, follower); // unfollow, unmeasured
                            Thread.sleep(gapMillis);
                        } catch (IOException e) {
                            System.err.println("follow failed: " + e.getMessage());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    round++;
                }
            }, "actor-" + a);
            actorThreads.add(t);
            t.start();
        }
        while (actorThreads.stream().anyMatch(Thread::isAlive)) {
            poll(selector, 50);
        }
        long stillOpen = streams.stream().filter(s -> s.ready && !s.closed).count();
        for (Stream s : streams) {
            s.channel.close();
        }
        System.out.println("STREAMS_RESULT {\"streams\":" + open + ",\"still_open\":" + stillOpen
                + ",\"missed\":" + missed[0] + ",\"event_before_answer\":" + eventFirst[0] + ","
                + sentToEvent.json("sent_event") + "," + answerToEvent.json("answer_event") + ","
                + answers.json("answer") + "," + heardToWritten.json("heard_written") + ","
                + heardToReceived.json("heard_received") + "}");
    }

    /**
     * One measured follow; false when the pair already followed each other (the PUT was an
     * unfollow: nothing to measure, and the pair is back to not following).
     */
    private static boolean followOnce(HttpClient http, int port, Stream probe, String[] follower, long waitMillis,
                                      Samples sentToEvent, Samples answerToEvent, Samples answers,
                                      Samples heardToWritten, Samples heardToReceived, int[] missed, int[] eventFirst)
            throws IOException, InterruptedException {
        synchronized (probe) {
            probe.awaitedFollower = follower[2];
            probe.eventAt = 0;
        }
        long sent = System.nanoTime();
        HttpResponse<String> res = put(http, port, probe, follower);
        long answered = System.nanoTime();
        if (!res.body().contains("added to")) {
            synchronized (probe) {
                probe.awaitedFollower = null;
            }
            return false;
        }
        answers.add(answered - sent);
        synchronized (probe) {
            long waitUntil = System.nanoTime() + waitMillis * 1_000_000L;
            while (probe.eventAt == 0 && System.nanoTime() < waitUntil) {
                probe.wait(Math.max(1, (waitUntil - System.nanoTime()) / 1_000_000L));
            }
            probe.awaitedFollower = null;
            if (probe.eventAt == 0) {
                synchronized (missed) {
                    missed[0]++;
                }
                return true;
            }
            sentToEvent.add(probe.eventAt - sent);
            answerToEvent.add(probe.eventAt - answered);
            if (probe.eventAt < answered) {
                synchronized (eventFirst) {
                    eventFirst[0]++;
                }
            }
            if (probe.eventHeardMicros > 0) {
                heardToWritten.add((probe.eventWrittenMicros - probe.eventHeardMicros) * 1000);
                heardToReceived.add((probe.eventAtMicros - probe.eventHeardMicros) * 1000);
            }
        }
        return true;
    }

    private static HttpResponse<String> put(HttpClient http, int port, Stream probe, String[] follower)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/profiles/follow_status/" + probe.user[1] + "/"))
                .header("Authorization", "JWT " + follower[3])
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static void poll(Selector selector, long millis) throws IOException {
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
            long at = System.nanoTime();
            long atMicros = micros(Instant.now());
            s.text.append(new String(buf.array(), 0, n, StandardCharsets.UTF_8));
            if (!s.ok) {
                int headersEnd = s.text.indexOf("\r\n\r\n");
                if (headersEnd < 0) {
                    continue;
                }
                s.ok = s.text.toString().startsWith("HTTP/1.1 200");
                if (!s.ok) {
                    System.err.println("refused: " + s.text.substring(0, s.text.indexOf("\r\n")));
                    s.closed = true;
                    key.cancel();
                    continue;
                }
                s.text.delete(0, headersEnd + 4);
            }
            readEvents(s, at, atMicros);
        }
        selector.selectedKeys().clear();
    }

    /**
     * The complete SSE lines read so far. The body is chunked: a chunk-size line is a line
     * of hex digits, which no SSE line is (fields have a colon, the blank line is empty), so
     * it is skipped; a chunk boundary inside a line would split it, so only complete lines
     * are taken and a chunk's trailing CRLF is an empty line only between chunks.
     */
    private static void readEvents(Stream s, long at, long atMicros) {
        int nl;
        while ((nl = s.text.indexOf("\n")) >= 0) {
            String line = s.text.substring(0, nl);
            s.text.delete(0, nl + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.matches("[0-9a-fA-F]+")) {
                continue; // a chunk size
            }
            if (line.isEmpty()) {
                dispatch(s, at, atMicros);
            } else if (line.startsWith(": at ")) {
                String[] parts = line.substring(5).trim().split(" ");
                s.heardMicros = Long.parseLong(parts[0]);
                s.writtenMicros = Long.parseLong(parts[1]);
            } else if (line.startsWith("event:")) {
                s.eventName = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                s.data.append(line.substring(5).trim());
            }
        }
    }

    /** One whole event: the stream is ready at its first, and a follow's notification is timed. */
    private static void dispatch(Stream s, long at, long atMicros) {
        if (s.eventName == null) {
            return; // a comment alone, or the blank line that ends a chunk
        }
        if (s.eventName.equals("unread")) {
            s.ready = true;
        }
        if (s.eventName.equals("notification") && s.data.indexOf("\"kind\":\"follow\"") >= 0) {
            synchronized (s) {
                if (s.awaitedFollower != null && s.eventAt == 0
                        && s.data.indexOf("\"username\":\"" + s.awaitedFollower + "\"") >= 0) {
                    s.eventAt = at;
                    s.eventAtMicros = atMicros;
                    s.eventHeardMicros = s.heardMicros;
                    s.eventWrittenMicros = s.writtenMicros;
                    s.notifyAll();
                }
            }
        }
        s.eventName = null;
        s.data.setLength(0);
        s.heardMicros = 0;
        s.writtenMicros = 0;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static String arg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }
}
