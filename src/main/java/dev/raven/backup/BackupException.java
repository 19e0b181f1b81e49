package dev.raven.backup;

/** A backup could not be made; the message tells the operator why and what to do. */
public class BackupException extends Exception {
    public BackupException(String message) {
        super(message);
    }
}
