package dev.raven.ops;

import dev.raven.config.RavenConfig;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Calls an operator route (/internal/...) of the Raven server of this config over loopback,
 * with the operator token from data.dir: how command-line tools change an embedded database
 * that the running server holds open.
 */
public final class OperatorClient {
    private static final Set<String> ANY_ADDRESS = Set.of("0.0.0.0", "::", "[::]", "localhost");

    private final RavenConfig config;
    private final URI base;

    public OperatorClient(RavenConfig config) {
        this.config = config;
        this.base = URI.create("http://" + loopbackHost(config) + ":" + config.serverPort() + "/");
    }

    /** The server's answer. */
    public record Answer(int status, String body) {
    }

    /** Trouble other than "no server listens". */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    public String address() {
        return base.getHost() + ":" + base.getPort();
    }

    /** POSTs a JSON body; empty when no server listens there (the caller may open the database itself). */
    public Optional<Answer> postJson(String path, String json) throws InterruptedException {
        if (config.serverPort() == 0) {
            return Optional.empty(); // a server on a random port cannot be found
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            http.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new Failure("cannot reach the server at " + address() + ": " + e.getMessage());
        }
        String token = token();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(60))
                            .header(OperatorToken.HEADER, token)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException e) {
            throw new Failure("the request to the server at " + address() + " broke off: " + e.getMessage());
        }
    }

    private String token() {
        try {
            return OperatorToken.read(config.dataDir()).orElseThrow(() -> new Failure("a server answers at "
                    + address() + " but " + config.dataDir().resolve(OperatorToken.FILE_NAME)
                    + " does not exist: is data.dir the running server's (and is it a Raven with an embedded database)?"));
        } catch (AccessDeniedException e) {
            throw new Failure("cannot read " + config.dataDir().resolve(OperatorToken.FILE_NAME)
                    + ": run this as the user the server runs as (e.g. sudo -u raven ...)");
        } catch (IOException e) {
            throw new Failure("cannot read the operator token: " + e.getMessage());
        }
    }

    /** Operator routes answer loopback requests only, so tools always call a loopback address. */
    public static String loopbackHost(RavenConfig config) {
        String host = config.serverHost();
        if (host.equals("::1") || host.equals("[::1]")) {
            return "[::1]";
        }
        return ANY_ADDRESS.contains(host) || host.startsWith("127.") ? "127.0.0.1" : host;
    }
}
