package dev.raven.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Pictures;
import dev.raven.support.Race;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/media/: only real pictures, limits before decoding, metadata stripped, served back. */
@WithServer(value = {"media.max.bytes=300000", "media.max.pixels=40000000"}, social = true)
class MediaUploadTest {
    static TestServer server;
    static Api api;
    static Social social;

    private static JsonNode accepted(Api.Res res) {
        assertEquals(201, res.status(), res.toString());
        return res.json();
    }

    private static byte[] fetch(String url) {
        Api.Bytes res = api.getBytes(url, Map.of());
        assertEquals(200, res.status());
        return res.body();
    }

    @Test
    void aJpegIsStoredAndServedWithItsSizeTypeAndDescription() {
        TestUser u = social.user("up");
        JsonNode up = accepted(api.uploadPicture(Pictures.jpeg(120, 80), "cat.jpg", "A blue square", u.access()));
        assertEquals("image/jpeg", up.get("content_type").asText());
        assertEquals(120, up.get("width").asInt());
        assertEquals(80, up.get("height").asInt());
        assertEquals("A blue square", up.get("description").asText());
        assertTrue(up.get("id").asLong() > 0);
        assertTrue(up.get("url").asText().matches("http://[^/]+/media/[A-Za-z0-9_-]{22}\\.jpg"), up.toString());
        BufferedImage served = Pictures.decode(fetch(up.get("url").asText()));
        assertEquals(120, served.getWidth());
        Api.Bytes res = api.getBytes(up.get("preview_url").asText(), Map.of());
        assertEquals(200, res.status());
        assertEquals("image/jpeg", res.header("Content-Type"));
    }

    @Test
    void gpsExifIsGoneAndTheOrientationIsApplied() {
        TestUser u = social.user("gps");
        byte[] withGps = Pictures.jpegWithGpsExif(60, 40, 6); // rotate 90 degrees clockwise to view
        assertTrue(Pictures.contains(withGps, "GPSPOSITION"), "the test picture carries GPS");
        JsonNode up = accepted(api.uploadPicture(withGps, "holiday.jpg", null, u.access()));
        byte[] served = fetch(up.get("url").asText());
        assertFalse(Pictures.contains(served, "GPSPOSITION"));
        assertFalse(Pictures.contains(served, "Exif"));
        BufferedImage img = Pictures.decode(served);
        assertEquals(40, img.getWidth(), "turned upright");
        assertEquals(60, img.getHeight());
        assertEquals(40, up.get("width").asInt());
        // The white marker was top-left; after a clockwise quarter turn it is top-right.
        assertTrue((img.getRGB(img.getWidth() - 2, 2) & 0xFF) > 200, "marker moved with the rotation");
    }

    @Test
    void aLargePictureTurnedUprightIsReEncodedAtMost2048PixelsLong() {
        TestUser u = social.user("turned");
        byte[] photo = Pictures.jpegWithGpsExif(3000, 2000, 6);
        JsonNode up = accepted(api.uploadPicture(photo, "phone.jpg", null, u.access()));
        assertEquals(1000, up.get("width").asInt(), up.toString());
        assertEquals(1500, up.get("height").asInt());
        BufferedImage served = Pictures.decode(fetch(up.get("url").asText()));
        assertEquals(1000, served.getWidth());
        assertEquals(1500, served.getHeight());
    }

    @Test
    void anUprightJpegKeepsItsBytesExceptTheMetadata() {
        TestUser u = social.user("keep");
        byte[] plain = Pictures.jpeg(50, 50);
        byte[] withGps = Pictures.jpegWithGpsExif(50, 50, 1);
        JsonNode up = accepted(api.uploadPicture(withGps, "a.jpg", null, u.access()));
        assertArrayEquals(plain, fetch(up.get("url").asText()), "not re-encoded: only the EXIF segment went");
    }

    @Test
    void aPngNamedJpgIsStoredAsPng() {
        TestUser u = social.user("png");
        JsonNode up = accepted(api.uploadPicture(Pictures.png(30, 20), "photo.jpg", null, u.access()));
        assertEquals("image/png", up.get("content_type").asText());
        assertTrue(up.get("url").asText().endsWith(".png"));
        Api.Bytes res = api.getBytes(up.get("url").asText(), Map.of());
        assertEquals("image/png", res.header("Content-Type"));
    }

    @Test
    void aGifKeepsItsAnimationAndLoopButLosesItsCommentAndXmp() {
        TestUser u = social.user("gif");
        byte[] gif = Pictures.animatedGif(20, 20, 3);
        assertTrue(Pictures.contains(gif, "GPSPOSITION") && Pictures.contains(gif, "NETSCAPE2.0"), "test picture");
        JsonNode up = accepted(api.uploadPicture(gif, "x.gif", null, u.access()));
        assertEquals("image/gif", up.get("content_type").asText());
        byte[] served = fetch(up.get("url").asText());
        assertEquals(3, Pictures.gifFrames(served), "still animated");
        assertTrue(Pictures.contains(served, "NETSCAPE2.0"), "still loops");
        assertFalse(Pictures.contains(served, "GPSPOSITION"));
        assertFalse(Pictures.contains(served, "XMP Data"));
        assertEquals(up.get("url").asText().replace(".gif", "-preview.gif"), up.get("preview_url").asText(),
                "a small GIF is its own (animated) preview");
    }

    @Test
    void aWebpIsTakenAndLosesItsExifAndXmpChunks() {
        TestUser u = social.user("webp");
        JsonNode plain = accepted(api.uploadPicture(Pictures.webp(), "tiny.webp", null, u.access()));
        assertEquals("image/webp", plain.get("content_type").asText());
        assertEquals(1, plain.get("width").asInt());
        JsonNode up = accepted(api.uploadPicture(Pictures.webpWithExif(), "tiny.webp", null, u.access()));
        byte[] served = fetch(up.get("url").asText());
        assertFalse(Pictures.contains(served, "GPSPOSITION"));
        assertFalse(Pictures.contains(served, "EXIF"));
        assertEquals(0x10, served[20] & 0xFF, "VP8X flags: alpha kept, EXIF and XMP cleared");
        assertEquals(served.length - 8, java.nio.ByteBuffer.wrap(served, 4, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(), "RIFF size fixed");
    }

    @Test
    void textNamedPngIs415() {
        TestUser u = social.user("txt");
        Api.Res res = api.uploadPicture("just some text, honest".getBytes(StandardCharsets.UTF_8), "evil.png", null,
                u.access());
        assertEquals(415, res.status());
        assertEquals("unsupported_media_type", res.json().get("code").asText());
    }

    @Test
    void anHtmlFileIsRefusedWhateverItsName() {
        TestUser u = social.user("html");
        Api.Res res = api.uploadPicture("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "pic.gif", null, u.access());
        assertEquals(415, res.status());
    }

    @Test
    void aTruncatedJpegIs400() {
        TestUser u = social.user("trunc");
        Api.Res res = api.uploadPicture(Pictures.truncated(Pictures.jpeg(200, 200), 0.6), "cut.jpg", null, u.access());
        assertEquals(400, res.status(), res.toString());
        assertEquals("corrupt_image", res.json().get("code").asText());
    }

    @Test
    void aTruncatedPngIs400() {
        TestUser u = social.user("truncpng");
        Api.Res res = api.uploadPicture(Pictures.truncated(Pictures.png(200, 200), 0.5), "cut.png", null, u.access());
        assertEquals(400, res.status(), res.toString());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        TestUser u = social.user("bomb");
        byte[] bomb = Pictures.pngBomb(20_000, 20_000); // 400 MP: 1.6 GB if decoded
        assertTrue(bomb.length < 1000);
        Api.Res res = api.uploadPicture(bomb, "bomb.png", null, u.access());
        assertEquals(413, res.status(), res.toString());
        assertEquals("too_many_pixels", res.json().get("code").asText());
        assertTrue(res.json().get("message").asText().contains("20000 x 20000"));
    }

    @Test
    void aFileOverMaxBytesIs413WithAClearMessage() {
        TestUser u = social.user("big");
        byte[] big = new byte[400_000];
        System.arraycopy(Pictures.jpeg(10, 10), 0, big, 0, 100);
        Api.Res res = api.uploadPicture(big, "big.jpg", null, u.access());
        assertEquals(413, res.status());
        assertTrue(res.json().get("message").asText().contains("media.max.bytes"), res.body());
    }

    @Test
    void otherRoutesKeepTheSmallBodyLimit() {
        TestUser u = social.user("small");
        String huge = "{\"content\": \"" + "a".repeat(100_000) + "\"}";
        assertEquals(413, api.raw("POST", "/api/tweets/tweets_list/", huge, u.access()).status());
    }

    @Test
    void badRequestsAreClearErrors() {
        TestUser u = social.user("bad");
        assertEquals(401, api.uploadPicture(Pictures.jpeg(10, 10), "a.jpg", null, null).status());
        Api.Res json = api.raw("POST", "/api/media/", "{}", u.access());
        assertEquals(415, json.status());
        Api.Res noFile = api.upload("/api/media/", "picture", Pictures.jpeg(10, 10), "a.jpg", Map.of(), u.access());
        assertEquals(400, noFile.status());
        assertEquals("file", noFile.json().get("errors").fieldNames().next());
        Api.Res empty = api.uploadPicture(new byte[0], "a.jpg", null, u.access());
        assertEquals(400, empty.status());
        Api.Res longAlt = api.uploadPicture(Pictures.jpeg(10, 10), "a.jpg", "x".repeat(1501), u.access());
        assertEquals(400, longAlt.status());
        assertTrue(longAlt.json().get("errors").has("description"));
    }

    @Test
    void theSamePictureTwiceIsStoredOnce() {
        TestUser a = social.user("twiceA");
        TestUser b = social.user("twiceB");
        byte[] pic = Pictures.noisyJpeg(64, 64, 7);
        JsonNode first = accepted(api.uploadPicture(pic, "a.jpg", null, a.access()));
        JsonNode second = accepted(api.uploadPicture(pic, "b.jpg", null, b.access()));
        assertNotEquals(first.get("url").asText(), second.get("url").asText(), "each upload has its own address");
        String etag1 = api.getBytes(first.get("url").asText(), Map.of()).header("ETag");
        String etag2 = api.getBytes(second.get("url").asText(), Map.of()).header("ETag");
        assertEquals(etag1, etag2, "one blob, named by its content");
        long files = MediaFiles.count(server);
        accepted(api.uploadPicture(pic, "c.jpg", null, a.access()));
        assertEquals(files, MediaFiles.count(server));
    }

    @Test
    void concurrentUploadsAllSucceed() throws Exception {
        TestUser u = social.user("many");
        List<Api.Res> results = Race.atOnce(8, i -> api.uploadPicture(i % 2 == 0 ? Pictures.noisyJpeg(200, 150, i)
                : Pictures.jpeg(100, 100), "p" + i + ".jpg", null, u.access()));
        for (Api.Res res : results) {
            assertEquals(201, res.status(), res.toString());
        }
    }

    @Test
    void servedPicturesAreInertAndCacheable() {
        TestUser u = social.user("serve");
        JsonNode up = accepted(api.uploadPicture(Pictures.png(10, 10), "a.png", null, u.access()));
        String url = up.get("url").asText();
        Api.Bytes res = api.getBytes(url, Map.of());
        assertEquals("nosniff", res.header("X-Content-Type-Options"));
        assertTrue(res.header("Content-Security-Policy").startsWith("default-src 'none'"));
        String etag = res.header("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{64}\""), etag);
        Api.Bytes again = api.getBytes(url, Map.of("If-None-Match", etag));
        assertEquals(304, again.status());
        assertEquals(0, again.body().length);
        assertEquals(200, api.getBytes(url, Map.of("If-None-Match", "\"other\"")).status());
        assertEquals(404, api.getBytes(url.replace(".png", ".jpg"), Map.of()).status());
        assertEquals(404, api.getBytes("/media/AAAAAAAAAAAAAAAAAAAAAA.png", Map.of()).status());
        assertEquals(404, api.getBytes("/media/..%2F..%2Fetc%2Fpasswd", Map.of()).status());
    }
}
