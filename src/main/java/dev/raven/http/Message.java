package dev.raven.http;

/** The contract's {"message": "..."} answer of actions that return no object. */
public record Message(String message) {
}
