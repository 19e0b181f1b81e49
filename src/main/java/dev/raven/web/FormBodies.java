package dev.raven.web;

import dev.raven.http.ApiException;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks a page's form post before anything reads a field: browsers send forms as
 * application/x-www-form-urlencoded, in the page's encoding (UTF-8 here), so another
 * encoding or charset is a 415, a broken %-escape a 400, and escaped bytes that are not UTF-8
 * a 400 invalid_text. Reading fields leniently instead would throw on an unknown charset, or
 * quietly turn bad bytes into U+FFFD and store text the person never typed.
 */
final class FormBodies {
    private static final String FORM = "application/x-www-form-urlencoded";

    private FormBodies() {
    }

    static void check(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            return;
        }
        requireUtf8Form(ctx.header("Content-Type"));
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&' || body[i] == '=') {
                requireText(percentDecoded(body, start, i));
                start = i + 1;
            }
        }
    }

    private static void requireUtf8Form(String contentType) {
        String[] parts = contentType == null ? new String[]{""} : contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(FORM)) {
            throw new ApiException(415, "unsupported_media_type",
                    "This page takes forms sent the way a browser sends them (" + FORM + ").");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] nameValue = parts[i].split("=", 2);
            if (nameValue[0].trim().equalsIgnoreCase("charset")) {
                String charset = nameValue.length < 2 ? "" : nameValue[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new ApiException(415, "unsupported_charset", "Forms must be sent as UTF-8.");
                }
            }
        }
    }

    private static byte[] percentDecoded(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '%') {
                if (i + 2 >= to || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0) {
                    throw new ApiException(400, "bad_request", "The form's data is malformed (a broken %-escape).");
                }
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out.write(b == '+' ? ' ' : b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** Valid UTF-8 without NUL, which PostgreSQL cannot store (as the JSON API refuses it too). */
    private static void requireText(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid_text", "The form's text is not valid UTF-8.");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new ApiException(400, "invalid_text", "The form's text contains a NUL character.");
            }
        }
    }
}
