package dev.raven.media;

import dev.raven.support.Api;
import dev.raven.support.LoopbackSockets;
import dev.raven.support.Pictures;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * media.upload.buffer.bytes: upload bodies share one budget of memory. Here it is one byte,
 * so every upload is larger than the whole budget, takes all of it and runs alone: a second
 * upload waits for the first, and one that waits longer than http.body.timeout is answered
 * 503 busy. Every way an upload ends gives its room back.
 */
@WithServer(value = {"media.max.bytes=200000", "media.upload.buffer.bytes=1", "http.body.timeout=2s",
        "http.min.data.rate=0", "ratelimit.enabled=false"}, social = true)
class UploadBudgetTest {
    static TestServer server;
    static Api api;
    static Social social;

    /** A picture of some size (so that half of its body is a real pause), within media.max.bytes. */
    static byte[] picture;
    static String token;

    @BeforeAll
    static void pictureOfMoreThanHalfTheBudget() {
        for (int side = 200; picture == null || picture.length < 140_000; side += 10) {
            picture = Pictures.noisyJpeg(side, side, side);
        }
        assertTrue(picture.length <= 200_000, "the picture must stay under media.max.bytes: " + picture.length);
        token = social.user("uploader").access();
    }

    @Test
    void anUploadWaitsForTheOneAheadAndIsServedWhenItFinishes() throws Exception {
        byte[] request = uploadRequest(picture);
        int head = headLength(request);
        try (Socket first = open(); Socket second = open()) {
            // The first holds the budget with half of its body sent.
            write(first, request, 0, head + (request.length - head) / 2);
            Thread.sleep(200);
            write(second, request, 0, request.length);
            CompletableFuture<String> secondAnswer = CompletableFuture.supplyAsync(() -> readToEnd(second));
            Thread.sleep(500);
            assertFalse(secondAnswer.isDone(), "the second upload waits while the first holds the budget");

            write(first, request, head + (request.length - head) / 2, request.length);
            assertStatus(LoopbackSockets.readToEnd(first), 201);
            assertStatus(secondAnswer.get(10, TimeUnit.SECONDS), 201);
        }
    }

    @Test
    void anUploadThatWaitsLongerThanTheBodyTimeoutIsAnswered503Busy() throws Exception {
        byte[] request = uploadRequest(picture);
        int head = headLength(request);
        try (Socket holder = open(); Socket next = open(); Socket last = open()) {
            // holder is cut at 2 s (408); next is then given the room and holds it (its body stalls too);
            // last, queued behind next, waits its 2 s and is turned away.
            write(holder, request, 0, head + 1000);
            Thread.sleep(200);
            write(next, request, 0, head + 1000);
            Thread.sleep(200);
            write(last, request, 0, request.length);

            String answer = LoopbackSockets.readToEnd(last);
            assertStatus(answer, 503);
            assertTrue(answer.contains("\"code\":\"busy\""), answer);
            assertTrue(answer.toLowerCase().contains("retry-after:"), answer);
            assertStatus(LoopbackSockets.readToEnd(holder), 408);
        }
        // The cut and abandoned uploads gave their room back.
        assertEquals(201, api.uploadPicture(picture, "after.jpg", null, token).status());
    }

    @Test
    void aClientThatLeavesMidUploadGivesItsRoomBack() throws Exception {
        byte[] request = uploadRequest(picture);
        try (Socket leaver = open()) {
            write(leaver, request, 0, headLength(request) + 1000);
            Thread.sleep(200);
        }
        // Had the room leaked, this upload would wait out http.body.timeout and get a 503.
        assertEquals(201, api.uploadPicture(picture, "next.jpg", null, token).status());
    }

    @Test
    void ordinaryRequestsDoNotWaitForUploads() throws Exception {
        byte[] request = uploadRequest(picture);
        try (Socket holder = open()) {
            write(holder, request, 0, headLength(request) + 1000);
            assertEquals(202, api.get("/api/auth/user/current_user/", token).status(), "current_user answers 202 (the contract)");
        }
    }

    private static Socket open() {
        return LoopbackSockets.open(server.app().port(), "127.0.0.2");
    }

    private static byte[] uploadRequest(byte[] file) throws IOException {
        String boundary = "raven-budget-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("POST /api/media/ HTTP/1.1\r\nHost: raven\r\nAuthorization: JWT " + token + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + body.size() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeTo(request);
        return request.toByteArray();
    }

    private static int headLength(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 2000), StandardCharsets.ISO_8859_1);
        return text.indexOf("\r\n\r\n") + 4;
    }

    private static void write(Socket socket, byte[] bytes, int from, int to) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes, from, to - from);
        out.flush();
    }

    private static String readToEnd(Socket socket) {
        try {
            return LoopbackSockets.readToEnd(socket);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertStatus(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer.length() > 300 ? answer.substring(0, 300) : answer);
    }
}
