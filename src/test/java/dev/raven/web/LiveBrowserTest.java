package dev.raven.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.raven.support.Browser;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live parts in a real browser (strict CSP, app.js, EventSource on the session cookie):
 * the unread badge and the "new posts" bar update while the page stays open, the
 * notifications page passes axe, and without JavaScript the badge is still there.
 */
@WithServer(social = true)
class LiveBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static TestServer server;
    private static Social social;

    private static void logIn(Browser b, TestUser user) {
        b.go("/login");
        b.type("#login-username", user.username());
        b.type("#login-password", TestUser.PASSWORD);
        b.find("#login-password").submit();
        b.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Home"));
    }

    @Test
    void theBadgeAndTheNewPostsBarUpdateLive() {
        TestUser reader = social.user("reader");
        TestUser writer = social.user("writer");
        social.follow(reader, writer);
        social.tweet(writer, "Already on the page #raven");
        try (Browser b = Browser.open(server, true)) {
            logIn(b, reader);
            ((JavascriptExecutor) b.driver()).executeScript("window.ravenMarker = 1;");
            assertFalse(b.find("#new-posts").isDisplayed());
            assertFalse(b.find("#unread-badge").isDisplayed());
            // The stream is open once the page's EventSource connected.
            b.waitFor(d -> server.app().streams().openStreams() == 1);

            social.tweet(writer, "Fresh from the oven");
            b.waitFor(d -> d.findElement(By.id("new-posts")).isDisplayed());
            assertEquals("1 new post: show them", b.find("#new-posts a").getText());
            social.tweet(writer, "And another one");
            b.waitFor(d -> d.findElement(By.cssSelector("#new-posts a")).getText().startsWith("2 new posts"));

            social.follow(writer, reader);
            b.waitFor(d -> d.findElement(By.id("unread-badge")).isDisplayed());
            assertTrue(b.find("#unread-badge").getText().startsWith("1"), b.find("#unread-badge").getText());
            assertEquals(1L, ((JavascriptExecutor) b.driver()).executeScript("return window.ravenMarker;"),
                    "no reload: the same page");
            b.screenshot(SHOTS.resolve("live-home.png"));
            b.resize(360, 800);
            b.screenshot(SHOTS.resolve("live-home-360.png"));
            b.resize(1000, 900);

            b.find("#new-posts a").click();
            b.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("And another one"));

            b.go("/notifications");
            assertTrue(b.find("main").getText().contains("followed you"));
            b.screenshot(SHOTS.resolve("notifications.png"));
            b.resize(360, 800);
            b.screenshot(SHOTS.resolve("notifications-360.png"));
            Object overflow = ((JavascriptExecutor) b.driver()).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "usable at 360 px");
            b.resize(1000, 900);
            List<String> problems = new ArrayList<>(violations(b, "/notifications"));
            b.go("/tags/raven");
            problems.addAll(violations(b, "/tags/raven"));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    @Test
    void withoutJavaScriptTheBadgeComesFromTheServer() {
        TestUser me = social.user("plain");
        TestUser fan = social.user("fan");
        social.follow(fan, me);
        try (Browser b = Browser.open(server, false)) {
            logIn(b, me);
            assertTrue(b.find("#unread-badge").isDisplayed());
            assertTrue(b.find("#unread-badge").getText().startsWith("1"));
            b.find("#nav-notifications").click();
            b.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Notifications"));
            b.find("form[action='/notifications/read'] button").click();
            b.waitFor(d -> d.findElement(By.cssSelector("p.saved")).isDisplayed());
            assertFalse(b.find("#unread-badge").isDisplayed());
        }
    }

    private static List<String> violations(Browser b, String page) {
        Results results = new AxeBuilder().analyze(b.driver());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp());
            }
        }
        return found;
    }
}
