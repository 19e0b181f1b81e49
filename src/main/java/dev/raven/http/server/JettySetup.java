package dev.raven.http.server;

import dev.raven.config.HttpLimits;
import dev.raven.config.RavenConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/** Raven's own Jetty thread pool and connector, with the http.* limits applied. */
public final class JettySetup {
    private JettySetup() {
    }

    /**
     * At most http.threads.max threads, whatever the load: a thread is taken only once a
     * request is complete (headers and body), and the pool never grows past the cap; work
     * beyond it waits in the pool's queue. Jetty's acceptor and selector come out of it too.
     */
    public static ThreadPool threadPool(HttpLimits limits) {
        int max = limits.maxThreads();
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max), 60_000);
        pool.setName("raven-http");
        return pool;
    }

    /** The one HTTP connector: its idle timeout, header deadline and per-address cap. */
    public static ServerConnector connector(Server server, HttpConfiguration http, RavenConfig config) {
        HttpLimits limits = config.httpLimits();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.serverHost());
        connector.setPort(config.serverPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        ClientLimitLogs logs = ClientLimitLogs.of(server);
        connector.addBean(new HeaderTimeout(connector, limits.headerTimeout(), logs));
        if (limits.capsConnections(config.trustProxy())) {
            connector.addBean(new ConnectionsPerAddress(limits.maxConnectionsPerAddress(), logs));
        }
        return connector;
    }
}
