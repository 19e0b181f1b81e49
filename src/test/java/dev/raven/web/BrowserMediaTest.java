package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Browser;
import dev.raven.support.Pictures;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pictures in a real browser: attached from the compose box with htmx, shown (loaded under
 * the page's CSP) with their alt text, and set as avatar in settings. Screenshots in
 * target/screenshots (media-*.png), at desktop and phone width.
 */
@WithServer(social = true)
class BrowserMediaTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    static TestServer server;
    static Api api;

    private static void logIn(Browser b, TestUser user) {
        b.go("/login");
        b.type("#login-username", user.username());
        b.type("#login-password", TestUser.PASSWORD);
        b.find("form[action='/login'] button[type=submit]").click();
        b.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Home"));
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path f = Files.createTempDirectory("raven-pic-").resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static boolean loaded(Browser b, String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) b.driver()).executeScript(
                "const i = document.querySelector(arguments[0]); return i !== null && i.complete && i.naturalWidth > 0;",
                css));
    }

    @Test
    void aPictureIsAttachedShownWithItsAltTextAndSetAsAvatar() throws IOException {
        TestUser user = api.register(Api.uniqueName("painter"));
        try (Browser b = Browser.open(server, true)) {
            logIn(b, user);
            b.find("#compose-content").sendKeys("A picture from the browser");
            b.find("#compose-picture").sendKeys(file("sky.jpg", Pictures.jpegWithGpsExif(900, 600, 1)).toString());
            b.find("#compose-picture_alt").sendKeys("A blue sky with a white cloud");
            b.find("#compose button[type=submit]").click();
            b.waitFor(d -> d.findElements(By.cssSelector("#timeline article img.media")).size() == 1);
            assertEquals("A blue sky with a white cloud",
                    b.find("#timeline article img.media").getAttribute("alt"));
            b.waitFor(d -> loaded(b, "#timeline article img.media"));
            ((JavascriptExecutor) b.driver()).executeScript(
                    "document.querySelector('#timeline article').scrollIntoView();");
            b.screenshot(SHOTS.resolve("media-home.png"));
            b.resize(360, 800);
            ((JavascriptExecutor) b.driver()).executeScript(
                    "document.querySelector('#timeline article').scrollIntoView();");
            b.screenshot(SHOTS.resolve("media-home-360.png"));
            Object overflow = ((JavascriptExecutor) b.driver()).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "the picture fits a phone's width");

            b.resize(1000, 900);
            b.go("/settings");
            b.find("#f-avatar").sendKeys(file("me.png", Pictures.png(200, 200)).toString());
            b.find("form[action='/settings/pictures'] button[type=submit]").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/settings?saved=pictures"));
            assertTrue(b.find("main").getText().contains("Your pictures were saved."));
            b.find("#f-banner").sendKeys(file("banner.jpg", Pictures.jpeg(1200, 300)).toString());
            b.find("form[action='/settings/pictures'] button[type=submit]").click();
            b.waitFor(d -> loaded(b, "img.avatar-now") && loaded(b, "img.banner-now"));
            ((JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('picture-settings').scrollIntoView();");
            b.screenshot(SHOTS.resolve("media-settings.png"));
            b.resize(360, 800);
            ((JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('picture-settings').scrollIntoView();");
            b.screenshot(SHOTS.resolve("media-settings-360.png"));
        }
    }
}
