package dev.raven.media;

/** The bytes claim to be a picture but are not a whole, well-formed one: answered 400. */
final class CorruptImage extends Exception {
    CorruptImage(String message) {
        super(message, null, false, false);
    }
}
