package dev.raven.ops;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** Whether a request comes straight from this machine, not through a proxy on it. */
public final class LocalRequests {
    /** Headers a reverse proxy adds; their presence means the real client is elsewhere. */
    private static final List<String> PROXY_HEADERS = List.of("X-Forwarded-For", "X-Real-IP", "Forwarded");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LocalRequests() {
    }

    /** The TCP peer (never X-Forwarded-For) is a loopback address, and no proxy header is present. */
    public static boolean isDirectAndLocal(Context ctx) {
        for (String header : PROXY_HEADERS) {
            if (ctx.header(header) != null) {
                return false;
            }
        }
        return isLoopback(ctx.req().getRemoteAddr());
    }

    /** True for 127.0.0.0/8 and ::1 (also IPv4-mapped); only IP literals count, names are never looked up. */
    public static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String bare = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        // An IPv4 literal, or anything with a colon, which InetAddress parses as IPv6 without DNS.
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
