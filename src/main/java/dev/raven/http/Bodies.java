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
        String text = ctx.body();
        if (text.isBlank()) {
            text = "{}";
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw ApiException.badRequest("Request body must be a JSON object.");
            }
            return value;
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            if (field.isEmpty()) {
                throw ApiException.badRequest("Request body must be a JSON object.");
            }
            String message = e instanceof InvalidFormatException
                    ? "Invalid value for this field."
                    : "Wrong type for this field.";
            throw ApiException.invalid(field, message);
        } catch (JsonMappingException e) {
            String field = fieldPath(e);
            throw field.isEmpty() ? ApiException.badRequest("Invalid request body.")
                    : ApiException.invalid(field, "Invalid value for this field.");
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "Malformed JSON in request body.");
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
