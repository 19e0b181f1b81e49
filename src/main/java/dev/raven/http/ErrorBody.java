package dev.raven.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The one JSON shape of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String message, String code, Map<String, List<String>> errors) {
}
