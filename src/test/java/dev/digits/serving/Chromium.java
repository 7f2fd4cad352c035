package dev.digits.serving;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium and chromedriver, started so that they never reach the network. Shared
 * by the browser tests of the web page and of the study report.
 *
 * <p>Where either is missing, browser tests are skipped with a message, except on CI ({@code
 * CI=true}), where a skipped browser test would hide a broken build and so fails instead.
 */
public final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** Skips (or on CI fails) the calling test when Chromium or chromedriver is not installed. */
  public static void requireInstalled() {
    boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    String message =
        "Browser tests need "
            + BINARY
            + " and "
            + DRIVER
            + " (Debian: apt-get install chromium chromium-driver)";
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + "; on CI they must run, not be skipped");
    }
    assumeTrue(installed, message);
  }

  /**
   * A new headless browser with a fresh profile in {@code profileDirectory} and a window of the
   * given size in CSS pixels.
   */
  public static ChromeDriver start(Path profileDirectory, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--force-device-scale-factor=1",
        "--user-data-dir=" + profileDirectory.toAbsolutePath(),
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    return new ChromeDriver(service, options);
  }

  public static Path newProfileDirectory() {
    try {
      return Files.createTempDirectory("digits-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a profile directory made by {@link #newProfileDirectory()}. */
  public static void deleteProfile(Path profileDirectory) throws IOException {
    try (Stream<Path> files = Files.walk(profileDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Where screenshots go: target/screenshots, kept as test artifacts. */
  static Path screenshotDirectory() {
    try {
      return Files.createDirectories(Path.of("target", "screenshots"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
