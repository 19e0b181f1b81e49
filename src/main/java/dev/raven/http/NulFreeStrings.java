package dev.raven.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Reads JSON strings as usual but refuses any containing U+0000. PostgreSQL cannot store
 * that character in text (nor take it as a query parameter), so it would fail deep in
 * an INSERT or SELECT as a 500; refused here it is a 400 naming the field.
 */
final class NulFreeStrings extends StdScalarDeserializer<String> {
    NulFreeStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value != null && value.indexOf('\u0000') >= 0) {
            return (String) ctxt.handleWeirdStringValue(String.class, value, "contains a NUL character");
        }
        return value;
    }
}
