package dev.raven.web;

import dev.raven.http.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as the person filled it in, with an error message per field: a failed post shows the
 * form again with what they typed and, next to each field, what was wrong. Passwords are never
 * put back.
 */
public final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public static Form empty() {
        return new Form();
    }

    public Form value(String field, String value) {
        values.put(field, value);
        return this;
    }

    public Form error(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /** The service's field errors under the form's names (fieldNames maps the API's names that differ). */
    public Form errors(ApiException e, Map<String, String> fieldNames, String fallbackField) {
        if (e.fieldErrors().isEmpty()) {
            return error(fallbackField, e.getMessage());
        }
        for (Map.Entry<String, List<String>> f : e.fieldErrors().entrySet()) {
            error(fieldNames.getOrDefault(f.getKey(), f.getKey()), f.getValue().get(0));
        }
        return this;
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    public String errorOf(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
