package dev.raven.config;

/** A setting is unknown or malformed; start-up stops with this message. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
