package dev.raven.migrate;

/** The move could not be done or was refused; the message tells the operator why. */
public class MigrationException extends Exception {
    public MigrationException(String message) {
        super(message);
    }
}
