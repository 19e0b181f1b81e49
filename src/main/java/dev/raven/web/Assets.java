package dev.raven.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The web app's static files, read from the jar once at start-up and served under names
 * that carry a hash of their content (app.3f2a9c01d4.css), so browsers may keep them
 * forever: a new build changes the name, never the content behind a name.
 */
public final class Assets {
    public static final String PATH = "/assets/";
    private static final String HTMX_POM = "META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

    private final Map<String, Asset> byLogicalName = new LinkedHashMap<>();
    private final Map<String, Asset> byServedName = new LinkedHashMap<>();

    private record Asset(String servedName, byte[] bytes, String contentType) {
    }

    public static Assets load() {
        Assets assets = new Assets();
        assets.add("app.css", "web/assets/app.css", "text/css; charset=utf-8");
        assets.add("app.js", "web/assets/app.js", "text/javascript; charset=utf-8");
        String htmxVersion = properties(HTMX_POM).getProperty("version");
        assets.add("htmx.js", "META-INF/resources/webjars/htmx.org/" + htmxVersion + "/dist/htmx.min.js",
                "text/javascript; charset=utf-8");
        return assets;
    }

    private void add(String logicalName, String resource, String contentType) {
        byte[] bytes = read(resource);
        int dot = logicalName.lastIndexOf('.');
        String served = logicalName.substring(0, dot) + "." + hash(bytes) + logicalName.substring(dot);
        Asset asset = new Asset(served, bytes, contentType);
        byLogicalName.put(logicalName, asset);
        byServedName.put(served, asset);
    }

    /** The URL a page links to, e.g. url("app.css") = "/assets/app.3f2a9c01d4.css". */
    public String url(String logicalName) {
        Asset asset = byLogicalName.get(logicalName);
        if (asset == null) {
            throw new IllegalArgumentException("no asset " + logicalName);
        }
        return PATH + asset.servedName();
    }

    /** GET /assets/{file}: the file, cacheable for a year; unknown names are a 404 page. */
    public void serve(Context ctx) {
        Asset asset = byServedName.get(ctx.pathParam("file"));
        if (asset == null) {
            throw new PageNotFound();
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
