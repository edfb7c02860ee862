package dev.weft.cloud.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for the web tests (Debian's chromium and chromium-driver; the tests skip
 * with the reason where they are missing), and screenshots under {@code target/screenshots/} for
 * people to look at. One per test class; used from the test thread. Public (and shipped in the
 * cloud module's test-jar) so the CLI's end-to-end browser tests drive the same fixture.
 */
public final class Chromium implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;
    public final WebDriverWait wait;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the pages redraw tiles and tables as answers arrive: an element read mid-redraw is read again
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Whether Chromium and its driver are installed (for a test whose browser part is optional). */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test (an assumption) when Chromium or its driver is not installed. */
    public static void assumeInstalled() {
        assumeTrue(installed(),
                "Chromium is not installed (apt-get install chromium chromium-driver); skipping browser tests");
    }

    public static Chromium start(Path profileDir) throws IOException {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--user-data-dir=" + Files.createDirectories(profileDir));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        return new Chromium(driver);
    }

    /** Light or dark {@code prefers-color-scheme} for the pages opened next. */
    public void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Keeps a picture of the whole page under target/screenshots/ (CI keeps them as artefacts). */
    public Path screenshot(String name) throws IOException {
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        long h = height instanceof Number n ? Math.min(6000, Math.max(1000, n.longValue())) : 1000;
        driver.manage().window().setSize(new Dimension(1400, (int) h));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = target.resolve(name + ".png");
        Files.write(file, png);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
