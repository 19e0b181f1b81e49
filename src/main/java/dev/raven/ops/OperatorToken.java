package dev.raven.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret that local operator tools (java -jar raven.jar backup) show the running server.
 * A fresh one is written at every start to data.dir/operator-token, readable by its owner
 * only: whoever can read it could read the database files anyway.
 */
public final class OperatorToken {
    public static final String FILE_NAME = "operator-token";
    public static final String HEADER = "X-Raven-Operator-Token";

    private final byte[] value;

    private OperatorToken(byte[] value) {
        this.value = value;
    }

    /** No operator access: every operator route answers 404. */
    public static OperatorToken none() {
        return new OperatorToken(null);
    }

    /** Generates a token and (re)writes the file, atomically and owner-only. */
    public static OperatorToken issue(Path dataDir) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try {
                restrictToOwner(tmp);
                Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new OperatorToken(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The token of the server running on this data.dir, as the operator tools read it. */
    public static Optional<String> read(Path dataDir) throws IOException {
        try {
            return Optional.of(Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public boolean enabled() {
        return value != null;
    }

    /** Constant-time comparison, so the answer time leaks nothing about the token. */
    public boolean matches(String presented) {
        return value != null && presented != null
                && MessageDigest.isEqual(value, presented.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions must protect it.
        }
    }
}
