package dev.raven.media;

import dev.raven.auth.AuthGuard;
import dev.raven.auth.Principal;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import io.javalin.http.Context;

import java.io.InputStream;
import java.util.Optional;

/**
 * POST /api/media/ (upload a picture) and GET /media/NAME (serve one). Serving is open to
 * clients without a token (they put the URL in an img element), except that a picture of
 * a followers-only tweet, or of a reply under one, goes only to those who may see the
 * tweet, signed in with a token or the web app's cookie.
 */
public final class MediaHandler {
    /** Nothing in a served picture may run or load anything, whatever a browser thinks it is. */
    static final String CSP = "default-src 'none'; sandbox";

    private final MediaLibrary library;
    private final AuthGuard guard;
    private final Paging paging;

    public MediaHandler(MediaLibrary library, AuthGuard guard, Paging paging) {
        this.library = library;
        this.guard = guard;
        this.paging = paging;
    }

    /** POST /api/media/: multipart, field {@code file}, optional {@code description} (alt text). */
    public void upload(Context ctx) {
        MultipartForm form = MultipartForm.read(ctx, "file");
        if (form.file() == null) {
            throw ApiException.invalid("file", "No file was sent (multipart field 'file').");
        }
        Upload upload = library.upload(AuthGuard.principal(ctx).userId(), form.file(),
                form.fields().get("description"), paging.origin(ctx));
        ctx.status(201).json(upload);
    }

    /** GET /media/NAME: the picture or its preview, with a strong ETag (the content hash). */
    public void serve(Context ctx) {
        long viewer = guard.optionalPrincipal(ctx).map(Principal::userId).orElse(0L);
        MediaLibrary.Found found = library.find(ctx.pathParam("name"), viewer)
                .orElseThrow(() -> ApiException.notFound("No such picture."));
        String etag = "\"" + found.hash() + "\"";
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        ctx.header("Cache-Control", found.publicCache() ? "public, max-age=31536000, immutable" : "private, no-cache");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        Optional<InputStream> bytes = library.open(found.hash());
        if (bytes.isEmpty()) {
            throw ApiException.notFound("No such picture.");
        }
        ctx.status(200).result(bytes.get());
        // A fixed type, without the charset the servlet layer adds to ctx.contentType (set after the result).
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(found.contentType());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
