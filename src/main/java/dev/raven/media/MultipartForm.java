package dev.raven.media;

import dev.raven.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A multipart/form-data body (the upload routes only): its one file and its text fields.
 * The body is already in memory (BodyBuffering read it, within the upload limit), so
 * parsing it spills nothing to disk; a malformed body is a 400, never a 500.
 */
public record MultipartForm(byte[] file, Map<String, String> fields) {

    public static boolean isMultipart(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Parses the whole form once (a page's CSRF check reads it next): a malformed one is a 400. */
    public static void check(Context ctx) {
        try {
            for (List<String> values : ctx.formParamMap().values()) {
                for (String value : values) {
                    if (value.indexOf('\0') >= 0 || value.indexOf('\uFFFD') >= 0) {
                        throw new ApiException(400, "invalid_text", "The form's text is not valid UTF-8 text.");
                    }
                }
            }
            ctx.uploadedFileMap();
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) { // the servlet layer throws ServletException without declaring it
            throw new ApiException(400, "bad_request", "The multipart form is malformed.");
        }
    }

    /** The form; {@code fileField} is the file's field name, whose content may be absent (null). */
    public static MultipartForm read(Context ctx, String fileField) {
        if (!isMultipart(ctx)) {
            throw new ApiException(415, "unsupported_media_type",
                    "Send the picture as multipart/form-data, in a field named " + fileField + ".");
        }
        try {
            Map<String, String> fields = new HashMap<>();
            for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
                if (!e.getValue().isEmpty()) {
                    String value = e.getValue().get(0);
                    if (value.indexOf('\0') >= 0 || value.indexOf('\uFFFD') >= 0) {
                        throw new ApiException(400, "invalid_text", "The form's text is not valid UTF-8 text.");
                    }
                    fields.put(e.getKey(), value);
                }
            }
            List<UploadedFile> files = ctx.uploadedFiles(fileField);
            if (files.size() > 1) {
                throw ApiException.invalid(fileField, "Send one picture at a time.");
            }
            byte[] bytes = null;
            if (!files.isEmpty() && files.get(0).size() > 0) {
                // Exactly its size: readAllBytes would grow a buffer and copy it once more.
                try (InputStream in = files.get(0).content()) {
                    bytes = in.readNBytes((int) files.get(0).size());
                }
            }
            return new MultipartForm(bytes, fields);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) { // IOException, and the servlet layer's undeclared ServletException
            throw new ApiException(400, "bad_request", "The multipart form is malformed.");
        }
    }
}
