package dev.raven.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Debian's headless Chromium driven by its chromedriver, for browser tests. Nothing is ever
 * downloaded: without /usr/bin/chromium and /usr/bin/chromedriver the test FAILS, naming the
 * packages (make test and .ci/run install them).
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Path profileDir;
    private final String baseUrl;

    private Browser(WebDriver driver, Path profileDir, String baseUrl) {
        this.driver = driver;
        this.profileDir = profileDir;
        this.baseUrl = baseUrl;
    }

    /** A fresh browser (its own profile, so its own cookies); JavaScript on or off. */
    public static Browser open(TestServer server, boolean javascript) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new AssertionError("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("raven-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1000,900", "--lang=en-US");
            if (!javascript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, server.baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    /** The element, waiting (up to the usual 10 s) for it to appear: a click may still be loading the page. */
    public WebElement find(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        // htmx and page loads replace elements: one found a moment ago may be gone (stale, or
        // "node does not belong to the document" while a page is swapped), so look again.
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class).until(condition::apply);
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Saves a PNG of the window. */
    public void screenshot(Path target) {
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profileDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
