package dev.raven.cli;

import dev.raven.support.CliRun;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of(Map.of(), "--help");
        assertEquals(0, run.exitCode(), run.toString());
        for (String command : new String[] {"serve", "migrate-db", "backup"}) {
            assertTrue(run.out().contains(command), run.toString());
        }
    }

    @Test
    void eachCommandExplainsItself() {
        CliRun run = CliRun.of(Map.of(), "migrate-db", "--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("usage: java -jar raven.jar migrate-db --to"), run.toString());
        assertEquals(0, CliRun.of(Map.of(), "backup", "-h").exitCode());
        assertEquals(0, CliRun.of(Map.of(), "serve", "--help").exitCode());
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of(Map.of(), "--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("raven "), run.toString());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of(Map.of(), "frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown command 'frobnicate'"), run.toString());
        assertTrue(run.err().contains("usage:"), run.toString());
    }

    @Test
    void wrongArgumentsAreUsageErrorsWithoutStackTraces() {
        assertUsageError(CliRun.of(Map.of(), "migrate-db"), "--to is required");
        assertUsageError(CliRun.of(Map.of(), "migrate-db", "--to"), "--to needs a value");
        assertUsageError(CliRun.of(Map.of(), "migrate-db", "--to", "jdbc:h2:mem:x"), "PostgreSQL JDBC URL");
        assertUsageError(CliRun.of(Map.of(), "migrate-db", "--from", "x"), "unknown option --from");
        assertUsageError(CliRun.of(Map.of(), "migrate-db", "--to=jdbc:postgresql://h/d", "--to", "jdbc:postgresql://h/e"),
                "--to is given twice");
        assertUsageError(CliRun.of(Map.of(), "backup"), "missing the backup FILE");
        assertUsageError(CliRun.of(Map.of(), "backup", "a.zip", "b.zip"), "unexpected argument 'b.zip'");
        assertUsageError(CliRun.of(Map.of(), "serve", "now"), "unexpected argument 'now'");
    }

    @Test
    void aBadSettingIsAConfigurationError() {
        CliRun run = CliRun.of(Map.of("RAVEN_SERVER_PORT", "eighty"), "backup", "x.zip");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("configuration error: server.port"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    private static void assertUsageError(CliRun run, String message) {
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(message), run.toString());
        assertTrue(run.err().contains("usage: java -jar raven.jar"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }
}
