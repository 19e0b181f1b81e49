package dev.raven.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.raven.support.Api;
import dev.raven.support.Browser;
import dev.raven.support.TestServer;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app in a real browser (Debian's headless Chromium): two people sign up, post,
 * follow and like with htmx, the same with JavaScript off, and axe-core checks every page.
 */
@WithServer(value = {"tweet.max.length=120"}, social = true)
class BrowserTest {
    /** target/screenshots, or docs/ with -Draven.update.screenshots=true (make screenshots). */
    private static final Path SHOTS = Boolean.getBoolean("raven.update.screenshots")
            ? Path.of("docs") : Path.of("target", "screenshots");
    private static TestServer server;

    private static void signUp(Browser b, String name) {
        b.go("/signup");
        b.type("#f-username", name);
        b.type("#f-alias", "Alias of " + name);
        b.type("#f-email", name + "@example.org");
        // A date input takes the digits in the browser's locale order (en-US: month, day, year).
        b.find("#f-date_of_birth").sendKeys("05171990");
        b.type("#f-password", "correct-horse-battery");
        b.type("#f-password2", "correct-horse-battery");
        b.find("form[action='/signup'] button[type=submit]").click();
        b.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Home"));
    }

    private static long myUserId(Browser b) {
        String href = b.find("nav a[href^='/users/']").getAttribute("href");
        return Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
    }

    @Test
    void twoPeopleSignUpPostFollowAndLikeWithHtmx() {
        String alice = Api.uniqueName("alice");
        String bob = Api.uniqueName("bob");
        try (Browser a = Browser.open(server, true); Browser b = Browser.open(server, true)) {
            signUp(a, alice);
            long aliceId = myUserId(a);

            // The counter counts as one types; the post swaps in place (no new page: the marker stays).
            ((JavascriptExecutor) a.driver()).executeScript("window.ravenMarker = 42;");
            assertTrue(a.find(".empty-note").isDisplayed(), "a new account's timeline says it is empty");
            a.find("#compose-content").sendKeys("Hello from the browser");
            assertEquals("98 characters left", a.find("#compose-count").getText());
            a.find("#compose button[type=submit]").click();
            a.waitFor(d -> d.findElements(By.cssSelector("#timeline article")).size() == 1);
            assertEquals(42L, ((JavascriptExecutor) a.driver()).executeScript("return window.ravenMarker;"));
            assertEquals("", a.find("#compose-content").getAttribute("value"), "the box is empty again");
            assertTrue(a.find("#timeline article").getText().contains("Hello from the browser"));
            assertFalse(a.find(".empty-note").isDisplayed(), "the empty note goes when the first tweet arrives");
            a.waitFor(d -> d.findElement(By.cssSelector("#timeline article time")).getText().matches("just now|\\d+ min ago"));

            signUp(b, bob);
            assertTrue(b.find("main").getText().contains("Your timeline is empty"));
            b.go("/users/" + aliceId);
            ((JavascriptExecutor) b.driver()).executeScript("window.ravenMarker = 7;");
            b.find("#follow button").click();
            b.waitFor(d -> d.findElement(By.cssSelector("#follow button")).getText().startsWith("Unfollow"));
            assertEquals("1", b.find("#followers-count").getText());
            assertEquals(7L, ((JavascriptExecutor) b.driver()).executeScript("return window.ravenMarker;"));

            b.go("/");
            assertTrue(b.find("#timeline").getText().contains("Hello from the browser"));
            b.find("#timeline article button.like").click();
            b.waitFor(d -> d.findElement(By.cssSelector("#timeline article button.like"))
                    .getAttribute("aria-pressed").equals("true"));
            assertEquals("1", b.find("#timeline article button.like .count").getText());
            assertTrue(b.find("#live").getAttribute("textContent").startsWith("Liked"), "announced");

            a.go("/");
            assertTrue(a.find("#timeline article button.like").getText().contains("1"), "alice sees the like");
            a.screenshot(SHOTS.resolve("web-home.png"));
            a.resize(360, 800);
            a.screenshot(SHOTS.resolve("web-home-360.png"));
            Object overflow = ((JavascriptExecutor) a.driver()).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertEquals(Boolean.FALSE, overflow, "usable at 360 px: nothing wider than the screen");

            // Deleting asks first: "no" keeps the tweet, "yes" removes it in place.
            a.resize(1000, 900);
            a.find("#timeline article a.delete").click();
            a.driver().switchTo().alert().dismiss();
            assertEquals(1, a.driver().findElements(By.cssSelector("#timeline article")).size());
            a.find("#timeline article a.delete").click();
            a.driver().switchTo().alert().accept();
            a.waitFor(d -> d.findElements(By.cssSelector("#timeline article")).isEmpty());

            b.find("nav form[action='/logout'] button").click();
            b.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Welcome to Raven"));
        }
    }

    @Test
    void searchRetweetReplyBookmarkFollowersOnlyAndLogOutEverywhere() {
        String erin = Api.uniqueName("erin");
        String frank = Api.uniqueName("frank");
        String grace = Api.uniqueName("grace");
        try (Browser e = Browser.open(server, true); Browser f = Browser.open(server, true);
             Browser stranger = Browser.open(server, true)) {
            signUp(e, erin);
            long erinId = myUserId(e);
            e.find("#compose-content").sendKeys("Public words from erin");
            e.find("#compose button[type=submit]").click();
            e.waitFor(d -> d.findElements(By.cssSelector("#timeline article")).size() == 1);
            e.find("#compose-content").sendKeys("Only for erin's followers");
            e.find("#compose input[name=followers_only]").click();
            e.find("#compose button[type=submit]").click();
            e.waitFor(d -> d.findElements(By.cssSelector("#timeline article")).size() == 2);

            // Frank finds erin through the search form and follows her from her profile.
            signUp(f, frank);
            f.find("nav a[href='/search']").click();
            f.type("#search-q", erin);
            f.find("form[role=search] button[type=submit]").click();
            f.waitFor(d -> !d.findElements(By.cssSelector("main a[href='/users/" + erinId + "']")).isEmpty());
            f.find("main a[href='/users/" + erinId + "']").click();
            f.find("#follow button").click();
            f.waitFor(d -> d.findElement(By.cssSelector("#follow button")).getText().startsWith("Unfollow"));

            f.go("/");
            assertTrue(f.find("#timeline").getText().contains("Only for erin's followers"), "a follower sees it");
            WebElement publicTweet = f.driver().findElements(By.cssSelector("#timeline article")).stream()
                    .filter(a -> a.getText().contains("Public words from erin")).findFirst().orElseThrow();
            String tweetPath = publicTweet.findElement(By.cssSelector("a.permalink")).getAttribute("href")
                    .replaceFirst("^https?://[^/]+", "");
            f.go(tweetPath);
            f.find("button.retweet").click();
            f.waitFor(d -> d.findElement(By.cssSelector("button.retweet")).getAttribute("aria-pressed").equals("true"));
            f.find("button.save").click();
            f.waitFor(d -> d.findElement(By.cssSelector("button.save")).getAttribute("aria-pressed").equals("true"));
            f.find("#reply-content").sendKeys("A reply from frank");
            f.find("#reply-form button[type=submit]").click();
            f.waitFor(d -> d.findElement(By.tagName("main")).getText().contains("A reply from frank"));
            f.go("/bookmarks");
            assertTrue(f.find("main").getText().contains("Public words from erin"), "the saved tweet is bookmarked");

            // A stranger sees erin's public tweet and the retweet, never the followers-only one.
            signUp(stranger, grace);
            stranger.go("/users/" + erinId);
            String seen = stranger.find("main").getText();
            assertTrue(seen.contains("Public words from erin"), seen);
            assertFalse(seen.contains("Only for erin's followers"), seen);

            // Erin logs out everywhere in one browser: her session in another browser ends at once.
            try (Browser erinElsewhere = Browser.open(server, true)) {
                erinElsewhere.go("/login");
                erinElsewhere.type("#login-username", erin);
                erinElsewhere.type("#login-password", "correct-horse-battery");
                erinElsewhere.find("form[action='/login'] button[type=submit]").click();
                erinElsewhere.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Home"));

                e.go("/settings");
                e.find("form[action='/settings/logout-all'] button[type=submit]").click();
                e.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Welcome to Raven")
                        || d.findElement(By.tagName("h1")).getText().equals("Log in to Raven"));

                erinElsewhere.go("/settings");
                erinElsewhere.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Log in to Raven"));
                assertTrue(erinElsewhere.path().startsWith("/login"), erinElsewhere.path());
            }
        }
    }

    @Test
    void postingAndFollowingWorkWithJavaScriptOff() {
        String carol = Api.uniqueName("carol");
        String dave = Api.uniqueName("dave");
        try (Browser c = Browser.open(server, false); Browser d = Browser.open(server, false)) {
            signUp(c, carol);
            long carolId = myUserId(c);
            c.find("#compose-content").sendKeys("Posted without JavaScript");
            c.find("#compose button[type=submit]").click();
            c.waitFor(x -> x.findElements(By.cssSelector("#timeline article")).size() == 1);
            assertEquals("/", c.path());

            signUp(d, dave);
            d.go("/users/" + carolId);
            d.find("#follow button").click();
            d.waitFor(x -> x.findElement(By.cssSelector("#follow button")).getText().startsWith("Unfollow"));
            d.go("/");
            assertTrue(d.find("#timeline").getText().contains("Posted without JavaScript"));
            d.find("#timeline article button.save").click();
            d.waitFor(x -> x.findElement(By.cssSelector("#timeline article button.save"))
                    .getAttribute("aria-pressed").equals("true"));

            // Without JavaScript, Delete opens a page that asks; its button deletes.
            c.go("/");
            c.find("#timeline article a.delete").click();
            c.waitFor(x -> x.findElement(By.tagName("h1")).getText().equals("Delete tweet"));
            c.find("main form button[type=submit]").click();
            c.waitFor(x -> x.findElement(By.cssSelector("h1#profile-name")) != null);
            c.go("/");
            assertTrue(c.driver().findElements(By.cssSelector("#timeline article")).isEmpty());
        }
    }

    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityViolations() {
        String erin = Api.uniqueName("erin");
        List<String> problems = new ArrayList<>();
        try (Browser e = Browser.open(server, true)) {
            for (String path : List.of("/", "/login", "/signup", "/no/such/page")) {
                e.go(path);
                problems.addAll(violations(e, path));
            }
            e.go("/login?next=%2F");
            e.type("#login-username", "nobody");
            e.type("#login-password", "wrong-password");
            e.find("form[action='/login'] button").click();
            e.waitFor(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            problems.addAll(violations(e, "/login (failed)"));

            signUp(e, erin);
            problems.addAll(violations(e, "/ (empty home)"));
            e.find("#compose-content").sendKeys("An accessible tweet");
            e.find("#compose button[type=submit]").click();
            e.waitFor(d -> d.findElements(By.cssSelector("#timeline article")).size() == 1);
            problems.addAll(violations(e, "/ (home with a tweet)"));
            e.find("#timeline article a.permalink").click();
            e.waitFor(d -> d.findElement(By.tagName("h1")).getText().startsWith("Tweet by"));
            e.find("#reply-content").sendKeys("An accessible reply");
            e.find("#reply-form button[type=submit]").click();
            e.waitFor(d -> d.findElements(By.cssSelector("#replies article")).size() == 1);
            assertTrue(e.find("#live").getAttribute("textContent").contains("reply was posted"));
            problems.addAll(violations(e, "/tweets/{id}"));
            e.find("a[href$='/likes']").click();
            e.waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Liked by"));
            problems.addAll(violations(e, "/tweets/{id}/likes"));
            for (String path : List.of("/explore", "/explore?tab=latest", "/search?q=erin", "/search?q=%40",
                    "/bookmarks", "/settings")) {
                e.go(path);
                problems.addAll(violations(e, path));
            }
            long me = myUserId(e);
            for (String tab : List.of("", "/with_replies", "/media", "/likes", "/followers", "/following")) {
                e.go("/users/" + me + tab);
                problems.addAll(violations(e, "/users/{id}" + tab));
            }
            e.go("/users/" + me);
            for (String theme : List.of("dark")) {
                ((JavascriptExecutor) e.driver()).executeScript(
                        "document.documentElement.setAttribute('data-theme', arguments[0]);", theme);
                problems.addAll(violations(e, "/users/{id} in the " + theme + " theme"));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> violations(Browser b, String page) {
        // A picture of every checked page, to look at: target/screenshots/a11y-<page>.png
        b.screenshot(Path.of("target", "screenshots", "a11y-" + page.replaceAll("[^A-Za-z0-9]+", "_") + ".png"));
        Results results = new AxeBuilder().analyze(b.driver());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        assertFalse(results.isErrored(), "axe ran on " + page);
        return found;
    }
}
