package dev.raven.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;

import java.util.stream.Collectors;

/** Reads a JSON request body into a record, turning every kind of bad input into a 400. */
public final class Bodies {
    private final ObjectMapper mapper;

    public Bodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The parsed body; an empty body reads as {} so that all-optional bodies may be omitted. */
    public <T> T read(Context ctx, Class<T> type) {
        String text = BodyText.of(ctx);
        if (text.isBlank()) {
            text = "{}";
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw ApiException.badRequest("Request body must be a JSON object.");
            }
            return value;
        } catch (StorableStrings.UnpairedSurrogate e) {
            throw InvalidText.inField(fieldPath(e));
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            if (field.isEmpty()) {
                throw ApiException.badRequest("Request body must be a JSON object.");
            }
            throw ApiException.invalid(field, expected(e.getTargetType(), e instanceof InvalidFormatException));
        } catch (JsonMappingException e) {
            String field = fieldPath(e);
            throw field.isEmpty() ? ApiException.badRequest("Invalid request body.")
                    : ApiException.invalid(field, "Invalid value for this field.");
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "Malformed JSON in request body.");
        }
    }

    /** Says what the field should hold, in the client's terms rather than Java's. */
    private static String expected(Class<?> type, boolean badFormat) {
        if (type == null) {
            return "Invalid value for this field.";
        }
        if (type == String.class) {
            return "Expected a string.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Expected true or false.";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "Expected a whole number.";
        }
        if (type == java.time.LocalDate.class) {
            return "Expected a date as YYYY-MM-DD.";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "Expected a JSON object.";
        }
        return badFormat ? "Invalid value for this field." : "Wrong type for this field.";
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
