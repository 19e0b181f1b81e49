package dev.raven.cli;

/** An expected failure (refusal, unreachable database, ...): its message is printed, exit code 1. */
final class CommandFailed extends RuntimeException {
    CommandFailed(String message) {
        super(message, null, false, false);
    }
}
