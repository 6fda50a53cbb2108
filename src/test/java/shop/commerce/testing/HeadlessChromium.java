package shop.commerce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system Chromium, headless, driven through its chromedriver (Debian packages {@code chromium}
 * and {@code chromium-driver}). Where they are missing the browser tests are skipped, except under
 * {@code CI=true}, where they fail. Elements are found by their {@code data-testid}; each step can
 * save a screenshot under target/storefront-screenshots.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "storefront-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Starts the browser, or skips the calling tests (fails them under CI=true) when it is not installed. */
    public static HeadlessChromium startOrSkip() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium and chromedriver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install the Debian packages chromium and chromium-driver"
                    + " (scripts/install-tools chromium chromedriver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Path profile = Files.createTempDirectory("storefront-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=ko-KR",
                    "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Forgets the signed-in tokens of earlier tests. */
    public void forgetSession(String baseUrl) {
        driver.get(baseUrl + "/index.html#/");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
        driver.navigate().refresh();
    }

    public WebElement element(String testId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by(testId)));
    }

    public void click(String testId) {
        wait.until(ExpectedConditions.elementToBeClickable(by(testId))).click();
    }

    public void type(String testId, String text) {
        WebElement input = element(testId);
        input.clear();
        input.sendKeys(text);
    }

    public void choose(String testId, String value) {
        new Select(element(testId)).selectByValue(value);
    }

    /** Waits until the element's text is exactly {@code text}. */
    public void awaitText(String testId, String text) {
        wait.withMessage(() -> testId + " shows '" + textOf(testId) + "', not '" + text + "'")
                .until(ExpectedConditions.textToBe(by(testId), text));
    }

    /** Waits until the element's text contains {@code text}. */
    public void awaitTextContaining(String testId, String text) {
        wait.withMessage(() -> testId + " shows '" + textOf(testId) + "', without '" + text + "'")
                .until(ExpectedConditions.textToBePresentInElementLocated(by(testId), text));
    }

    public String textOf(String testId) {
        return driver.findElements(by(testId)).stream().findFirst().map(WebElement::getText).orElse("(absent)");
    }

    public boolean enabled(String testId) {
        return element(testId).isEnabled();
    }

    /** Saves what the page shows now as target/storefront-screenshots/{name}.png. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static By by(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
