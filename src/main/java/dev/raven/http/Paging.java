package dev.raven.http;

import dev.raven.db.ListRow;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keyset paging for every list: {@code ?limit=} (1..100, default 50), an opaque
 * {@code ?cursor=} naming the last item already seen, and a {@code Link: <url>; rel="next"}
 * header when more items exist. Lists are ordered newest first by (time, kind, id), so
 * items that arrive between two page fetches sort before the cursor and are never
 * repeated or skipped. Never OFFSET.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    /** Sorts after every real item: the "cursor" of a first page. */
    static final Instant NEWEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final long MAX_MICROS = NEWEST.getEpochSecond() * 1_000_000L;

    private final boolean trustProxy;

    public Paging(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    /**
     * A list position: items that sort strictly after (position, kind, id) come next.
     * Lists ordered by time keep the time in {@code position} (microseconds since the epoch,
     * see {@link #at()}); ranked lists keep the score there. {@code kind} tells apart items
     * of different tables in one mixed list; 0 in single-table lists.
     */
    public record Cursor(long position, int kind, long id) {
        public Cursor(Instant at, int kind, long id) {
            this(ChronoUnit.MICROS.between(Instant.EPOCH, at), kind, id);
        }

        public Cursor(Instant at, long id) {
            this(at, 0, id);
        }

        /** The position of a list row that sorts by (time, id). */
        public static Cursor of(ListRow row) {
            return new Cursor(row.sortAt(), row.id());
        }

        /** The position in a list ranked by (score, id), highest first. */
        public static Cursor ranked(long score, long id) {
            return new Cursor(score, 0, id);
        }

        /** The position as a time, for lists ordered by time. */
        public Instant at() {
            return Instant.EPOCH.plus(position, ChronoUnit.MICROS);
        }

        public String encode() {
            String plain = position + "." + kind + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
                String[] parts = plain.split("\\.", -1);
                if (parts.length == 3) {
                    long position = Long.parseLong(parts[0]);
                    int kind = Integer.parseInt(parts[1]);
                    long id = Long.parseLong(parts[2]);
                    if (position >= 0 && position <= MAX_MICROS && kind >= 0 && id >= 0) {
                        return new Cursor(position, kind, id);
                    }
                }
            } catch (IllegalArgumentException e) {
                // falls through to the 400 below
            }
            throw ApiException.invalid("cursor", "Invalid cursor.");
        }
    }

    /** What the client asked for. The "before" values of a first page sort after everything. */
    public record PageRequest(int limit, Cursor after) {
        public Instant beforeAt() {
            return after == null ? NEWEST : after.at();
        }

        /** For ranked lists: the score of the last item seen; above every score on a first page. */
        public long beforeScore() {
            return after == null ? Long.MAX_VALUE : after.position();
        }

        public int beforeKind() {
            return after == null ? Integer.MAX_VALUE : after.kind();
        }

        public long beforeId() {
            return after == null ? Long.MAX_VALUE : after.id();
        }

        /** One more row than the page holds: its presence says a next page exists. */
        public int fetchSize() {
            return limit + 1;
        }
    }

    /** Reads and checks ?limit= and ?cursor=; bad values are a 400. */
    public PageRequest request(Context ctx) {
        int limit = limit(ctx, DEFAULT_LIMIT);
        String cursorText = ctx.queryParam("cursor");
        Cursor cursor = cursorText == null || cursorText.isEmpty() ? null : Cursor.decode(cursorText);
        return new PageRequest(limit, cursor);
    }

    /**
     * Reads and checks ?limit= alone (1..100, else a 400), for bounded lists that have no
     * next page (suggestions, search results).
     */
    public int limit(Context ctx, int defaultLimit) {
        String limitText = ctx.queryParam("limit");
        if (limitText == null) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(limitText.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }

    /**
     * Cuts the fetched rows (up to limit + 1) to one page; when there were more, sets the
     * Link header to the next page, positioned after the page's last row.
     */
    public <R> List<R> page(Context ctx, PageRequest request, List<R> rows, Function<R, Cursor> key) {
        if (rows.size() <= request.limit()) {
            return rows;
        }
        List<R> page = rows.subList(0, request.limit());
        Cursor next = key.apply(page.get(page.size() - 1));
        ctx.header("Link", "<" + nextUrl(ctx, next) + ">; rel=\"next\"");
        return page;
    }

    /** The request's own URL, its other query parameters kept, with the new cursor. */
    String nextUrl(Context ctx, Cursor next) {
        StringBuilder url = new StringBuilder(origin(ctx)).append(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (param.getKey().equals("cursor")) {
                continue;
            }
            for (String value : param.getValue()) {
                url.append(encode(param.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        return url.append("cursor=").append(next.encode()).toString();
    }

    /** scheme://host[:port] as the client reached us; behind a trusted proxy, as the proxy says. */
    public String origin(Context ctx) {
        String scheme = ctx.scheme();
        String host = ctx.header("Host");
        if (trustProxy) {
            scheme = firstOr(ctx.header("X-Forwarded-Proto"), scheme);
            host = firstOr(ctx.header("X-Forwarded-Host"), host);
        }
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            host = ctx.host() == null ? "localhost" : ctx.host();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            scheme = "http";
        }
        return scheme + "://" + host;
    }

    private static String firstOr(String headerValue, String fallback) {
        if (headerValue == null || headerValue.isBlank()) {
            return fallback;
        }
        return headerValue.split(",")[0].trim();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
