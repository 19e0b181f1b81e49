package dev.raven.auth;

import dev.raven.config.DataDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC secret: the configured one, or one generated on first start and kept in
 * data.dir/jwt-secret, readable by the owner only, so tokens survive restarts.
 */
public final class JwtSecret {
    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);
    static final String FILE_NAME = "jwt-secret";

    private JwtSecret() {
    }

    public static String resolve(String configured, Path dataDir) {
        if (!configured.isEmpty()) {
            return configured;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (secret.length() < 32) {
                    throw new IllegalStateException(file + " holds a secret shorter than 32 characters");
                }
                return secret;
            }
            return generate(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the JWT secret in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String generate(Path file) throws IOException {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        DataDir.ensure(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            restrictToOwner(tmp);
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            // Atomic, and never over an existing file: two instances starting at once agree.
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } finally {
            Files.deleteIfExists(tmp);
        }
        log.info("Generated a new JWT secret in {}", file);
        return secret;
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot set owner-only permissions on {} (not a POSIX file system)", path);
        }
    }
}
