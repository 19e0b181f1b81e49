package dev.raven.auth;

/** The contract's Tokens object. */
public record Tokens(String refresh, String access) {
}
