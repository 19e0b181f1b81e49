package dev.raven.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raven.config.RavenConfig;
import dev.raven.ops.OperatorToken;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The Raven server of this config, reached over loopback with the operator token from data.dir. */
final class RunningServer {
    private final RavenConfig config;
    private final URI backupUri;

    RunningServer(RavenConfig config) {
        this.config = config;
        this.backupUri = URI.create("http://" + loopbackHost(config) + ":" + config.serverPort() + "/internal/backup");
    }

    String address() {
        return backupUri.getHost() + ":" + backupUri.getPort();
    }

    /**
     * Asks the server for a backup and writes it to {@code into}. False when no server
     * listens there (so the caller may open the database itself); throws on any other trouble.
     */
    boolean backupInto(Path into) throws BackupException, InterruptedException {
        if (config.serverPort() == 0) {
            return false; // a server on a random port cannot be found
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<Path> response;
        try {
            // Ask first whether anyone listens, so that a missing token file is not blamed on a stopped server.
            http.send(HttpRequest.newBuilder(backupUri.resolve("/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new BackupException("cannot reach the server at " + address() + ": " + e.getMessage());
        }
        String token = token();
        try {
            response = http.send(HttpRequest.newBuilder(backupUri)
                            .header(OperatorToken.HEADER, token)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofFile(into));
        } catch (IOException e) {
            throw new BackupException("the backup from the server at " + address() + " broke off: " + e.getMessage());
        }
        if (response.statusCode() != 200) {
            throw new BackupException(refusal(response.statusCode(), into));
        }
        return true;
    }

    private String token() throws BackupException {
        Path file = config.dataDir().resolve(OperatorToken.FILE_NAME);
        try {
            Optional<String> token = OperatorToken.read(config.dataDir());
            if (token.isEmpty()) {
                throw new BackupException("a server answers at " + address() + " but " + file
                        + " does not exist: is data.dir the running server's (and is it a Raven with an embedded database)?");
            }
            return token.get();
        } catch (AccessDeniedException e) {
            throw new BackupException("cannot read " + file + ": run the backup as the user the server runs as"
                    + " (e.g. sudo -u raven ...)");
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private String refusal(int status, Path body) {
        String message = "";
        try {
            JsonNode json = new ObjectMapper().readTree(Files.readString(body));
            message = json.path("message").asText("");
        } catch (IOException | RuntimeException e) {
            // not a Raven error body; the status says enough
        }
        String hint = switch (status) {
            case 403 -> "the server did not accept the operator token: is data.dir the running server's?";
            case 404 -> "the server at " + address() + " offers no backups: is it a Raven with an embedded database,"
                    + " listening on a loopback or wildcard server.host?";
            default -> "the server answered " + status;
        };
        return message.isEmpty() ? hint : hint + " (" + message + ")";
    }

    private static String loopbackHost(RavenConfig config) {
        return dev.raven.ops.OperatorClient.loopbackHost(config);
    }
}
