package dev.raven.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Reads JSON strings as usual but refuses any that could not be stored exactly as sent:
 * <ul>
 * <li>U+0000, which PostgreSQL cannot store in text (nor take as a query parameter), so it
 * would fail deep in an INSERT or SELECT as a 500; here it is a 400 {@code invalid}.</li>
 * <li>an unpaired surrogate (a JSON escape from D800 to DFFF without its partner): not a
 * character at all, so no encoding can store it and the database would silently turn it
 * into "?"; here it is a 400 {@code invalid_text} ({@link InvalidText}).</li>
 * </ul>
 * Bodies are decoded as strict UTF-8 ({@link BodyText}), so escapes are the only way such
 * text can arrive. Either refusal names the field.
 */
final class StorableStrings extends StdScalarDeserializer<String> {
    StorableStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value == null) {
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            return (String) ctxt.handleWeirdStringValue(String.class, value, "contains a NUL character");
        }
        if (InvalidText.hasUnpairedSurrogate(value)) {
            throw new UnpairedSurrogate(p);
        }
        return value;
    }

    /** Carries the field path (Jackson adds it on the way out) to {@link Bodies}, which answers invalid_text. */
    static final class UnpairedSurrogate extends JsonMappingException {
        UnpairedSurrogate(JsonParser p) {
            super(p, "unpaired surrogate in a string");
        }
    }
}
