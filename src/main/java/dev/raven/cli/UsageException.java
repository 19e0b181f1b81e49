package dev.raven.cli;

/** The command line is wrong: the message and the command's usage are printed, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
