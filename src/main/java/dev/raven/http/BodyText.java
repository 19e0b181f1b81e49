package dev.raven.http;

import io.javalin.http.Context;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request body as text. JSON between systems is UTF-8 (RFC 8259), so that is the only
 * charset taken: another (or an unknown) one declared in Content-Type is a 415, and bytes that
 * are not UTF-8 are a 400 invalid_text rather than quietly becoming U+FFFD.
 */
final class BodyText {
    private BodyText() {
    }

    static String of(Context ctx) {
        requireUtf8(ctx.header("Content-Type"));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(ctx.bodyAsBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw InvalidText.inBody();
        }
    }

    /** No charset parameter means UTF-8; "utf-8", "UTF8" and quoted forms are UTF-8 too. */
    static void requireUtf8(String contentType) {
        if (contentType == null) {
            return;
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                continue;
            }
            String charset = parameter.substring(equals + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                throw new ApiException(415, "unsupported_charset",
                        "Request bodies must be UTF-8 JSON; declare charset=utf-8 or no charset.");
            }
        }
    }
}
