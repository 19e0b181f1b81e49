package dev.raven.config;

import java.time.Duration;

/**
 * How long and how slowly a client may take to send a request, how many connections one
 * address may hold, and how many threads handle requests; see the http.* keys in
 * config.properties.
 */
public record HttpLimits(
        int maxThreads,
        Duration idleTimeout,
        Duration headerTimeout,
        Duration bodyTimeout,
        int minDataRate,
        Duration minDataRateGrace,
        int maxConnectionsPerAddress) {

    /** Whether the per-address connection cap applies: not when off, nor behind a trusted proxy. */
    public boolean capsConnections(boolean trustProxy) {
        return maxConnectionsPerAddress > 0 && !trustProxy;
    }
}
