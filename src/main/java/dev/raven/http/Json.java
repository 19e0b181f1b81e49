package dev.raven.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one ObjectMapper: snake_case keys, strict types, timestamps as the contract writes them. */
public final class Json {
    /** ISO-8601 UTC with microseconds and Z, e.g. 2026-11-24T21:07:03.123456Z. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final int[] TIMESTAMP_WIDTHS = {4, 2, 2, 2, 2, 2, 6};
    private static final String TIMESTAMP_SEPARATORS = "--T::.Z";

    private Json() {
    }

    /**
     * {@link #TIMESTAMP}'s text, written out by hand for years 0 to 9999 (the formatter's
     * general machinery took a twelfth of a 50-tweet page); other years go to the formatter.
     */
    public static String timestamp(Instant at) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(),
                ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TIMESTAMP.format(at);
        }
        int[] fields = {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
            t.getSecond(), t.getNano() / 1000};
        char[] c = new char[27];
        int pos = 0;
        for (int i = 0; i < fields.length; i++) {
            digits(c, pos, fields[i], TIMESTAMP_WIDTHS[i]);
            pos += TIMESTAMP_WIDTHS[i];
            c[pos++] = TIMESTAMP_SEPARATORS.charAt(i); // "2026-11-24T21:07:03.123456Z"
        }
        return new String(c);
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static ObjectMapper newMapper() {
        SimpleModule timestamps = new SimpleModule("raven-timestamps");
        timestamps.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(timestamp(value));
            }
        });
        SimpleModule text = new SimpleModule("raven-text");
        text.addDeserializer(String.class, new StorableStrings());
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(timestamps)
                .addModule(text)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "abc" is not a number and 12 is not a string: wrong types are a 400, not a guess.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }
}
