package dev.digits.serving;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A running server and a headless Chromium on its page, shared by the tests of a class.
 *
 * <p>The models come from {@link #catalog()}: the fakes here, whose answers follow from the shape
 * drawn; a subclass can return the real bundled models instead ({@link BundledCatalog#open()}) and
 * keep every helper. The catalog is closed with the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  /** A stroke down the middle: tall, so the fake reads {@link FakeClassifier#TALL}. */
  static final List<double[]> VERTICAL = line(0.5, 0.2, 0.5, 0.8);

  /** A stroke across the middle: wide, so the fake reads {@link FakeClassifier#WIDE}. */
  static final List<double[]> HORIZONTAL = line(0.2, 0.5, 0.8, 0.5);

  private static final Duration WAIT = Duration.ofSeconds(10);

  protected ModelCatalog models;
  protected RunningServer server;
  protected ChromeDriver browser;
  private Path profile;

  /** The models behind the page. */
  protected ModelCatalog catalog() {
    return FakeClassifier.catalog();
  }

  /**
   * Why this class's tests cannot run here, if they cannot (beyond a missing Chromium): then no
   * server or browser starts and each test is skipped with this reason.
   */
  protected Optional<String> missing() {
    return Optional.empty();
  }

  /** The browser window's size in CSS pixels. */
  protected Dimension windowSize() {
    return new Dimension(1280, 900);
  }

  @BeforeAll
  void startServerAndBrowser() {
    Chromium.requireInstalled();
    if (missing().isPresent()) {
      return;
    }
    models = catalog();
    server = RunningServer.start(models);
    profile = Chromium.newProfileDirectory();
    browser = Chromium.start(profile, windowSize().getWidth(), windowSize().getHeight());
  }

  /** Skips each test, with its reason, where {@link #missing()} has one. */
  @BeforeEach
  void requireWhatIsMissing() {
    Optional<String> reason = missing();
    assumeTrue(reason.isEmpty(), reason::get);
  }

  @AfterAll
  void stopBrowserAndServer() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (models != null) {
      models.close();
    }
    if (profile != null) {
      Chromium.deleteProfile(profile);
    }
  }

  /** Loads the page with fresh settings and waits until the model list has arrived. */
  protected void openPage() {
    browser.get(server.uri("/").toString());
    script("localStorage.clear()");
    browser.navigate().refresh();
    browser.manage().logs().get(LogType.BROWSER); // reading the log empties it
    // One script, not element by element: the list is rebuilt when it arrives, and an option
    // found before that would be stale by the time it is read.
    waitUntil(
        () ->
            (Boolean)
                script(
                    "return [...document.querySelectorAll('#model-select option[value]')]"
                        + ".some(option => option.value !== '')"));
  }

  protected WebElement canvas() {
    return browser.findElement(By.id("canvas"));
  }

  protected WebElement result() {
    return browser.findElement(By.id("result"));
  }

  /**
   * Draws with the mouse through points given as fractions of the pad's side, with the Actions API.
   * WebDriver spends about 200 ms on each move, so this is a slow hand: with live prediction on,
   * the page asks during the stroke as well as at its end.
   */
  protected void drawWithMouse(List<double[]> points) {
    drawWithButtonHeld(points);
    new Actions(browser).release().perform();
  }

  /** As {@link #drawWithMouse}, but the button stays down: the stroke goes on. */
  protected void drawWithButtonHeld(List<double[]> points) {
    WebElement canvas = canvas();
    List<int[]> offsets = offsets(canvas, points);
    int[] previous = offsets.get(0);
    Actions actions =
        new Actions(browser).moveToElement(canvas, previous[0], previous[1]).clickAndHold();
    for (int[] next : offsets.subList(1, offsets.size())) {
      actions.moveByOffset(next[0] - previous[0], next[1] - previous[1]);
      previous = next;
    }
    actions.perform();
  }

  /**
   * Draws with a mouse, touch or pen pointer through points given as fractions of the pad's side,
   * 15 ms from point to point: a quick hand.
   */
  protected void drawWithPointer(PointerInput.Kind kind, List<double[]> points) {
    WebElement canvas = canvas();
    List<int[]> offsets = offsets(canvas, points);
    PointerInput pointer = new PointerInput(kind, kind.name().toLowerCase());
    Sequence stroke = new Sequence(pointer, 0);
    int[] start = offsets.get(0);
    stroke.addAction(
        pointer.createPointerMove(
            Duration.ZERO, PointerInput.Origin.fromElement(canvas), start[0], start[1]));
    stroke.addAction(pointer.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
    for (int[] next : offsets.subList(1, offsets.size())) {
      stroke.addAction(
          pointer.createPointerMove(
              Duration.ofMillis(15), PointerInput.Origin.fromElement(canvas), next[0], next[1]));
    }
    stroke.addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    browser.perform(List.of(stroke));
  }

  /** Waits until the result area shows this digit as the answer. */
  protected void waitForDigit(int digit) {
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#result .answer .digit"), Integer.toString(digit)));
  }

  /**
   * Waits for the answer to the drawing as it now is, past any answer to a part of it: until no
   * request is in flight (the page marks the result busy from the end of a stroke until its answer
   * is shown) and an answer is on show. Returns that answer's digit.
   */
  protected int waitForAnswer() {
    waitForSettled(".answer .digit");
    return Integer.parseInt(result().findElement(By.cssSelector(".answer .digit")).getText());
  }

  /**
   * Waits, as {@link #waitForAnswer()} does, until the result area shows what {@code selector}
   * finds in answer to the drawing as it now is.
   */
  protected void waitForSettled(String selector) {
    waitUntil(
        () ->
            "false".equals(result().getAttribute("aria-busy"))
                && !String.valueOf(result().getAttribute("class")).contains("outdated")
                && !result().findElements(By.cssSelector(selector)).isEmpty());
  }

  /** The answer's runners-up as the page lists them, for messages when an answer is wrong. */
  protected String runnersUp() {
    return result().findElements(By.cssSelector(".runners-up li")).stream()
        .map(WebElement::getText)
        .map(text -> text.replace('\n', ' '))
        .toList()
        .toString();
  }

  /** Draws one of the {@link HandDrawnDigits}, stroke by stroke, with the given pointer. */
  protected void drawDigit(int digit, PointerInput.Kind kind) {
    for (List<double[]> stroke : HandDrawnDigits.strokes(digit)) {
      drawWithPointer(kind, stroke);
    }
  }

  /** Waits until the result area shows a message (not an answer) containing this text. */
  protected void waitForMessage(String text) {
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#result .message"), text));
  }

  /** The on-screen canvas's RGBA at a point given as fractions of its side. */
  protected List<Long> canvasPixel(double x, double y) {
    @SuppressWarnings("unchecked")
    List<Long> rgba =
        (List<Long>)
            script(
                "const c = document.getElementById('canvas');const x = Math.floor(arguments[0] *"
                    + " c.width), y = Math.floor(arguments[1] * c.height);return"
                    + " Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data);",
                x,
                y);
    return rgba;
  }

  /** True when the canvas shows ink (dark on the light theme's paper) at this point. */
  protected boolean inkAt(double x, double y) {
    return canvasPixel(x, y).get(0) < 128;
  }

  /** How many prediction requests this page load has made. */
  protected long predictRequests() {
    return (Long)
        script(
            "return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/predict')).length");
  }

  /** Errors in the browser's console, leaving out the page's own probe for the study page. */
  protected List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("/study"))
        .toList();
  }

  protected Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
  }

  protected void waitUntil(BooleanSupplier condition) {
    new WebDriverWait(browser, WAIT).until(driver -> condition.getAsBoolean());
  }

  /** Saves what the browser shows as target/screenshots/{name}.png. */
  protected void screenshot(String name) {
    Path file = Chromium.screenshotDirectory().resolve(name + ".png");
    try {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the page render as a phone would: viewport, pixel ratio and touch. */
  protected void emulatePhone(int width, int height, double pixelRatio) {
    emulateScreen(width, height, pixelRatio, true);
  }

  /**
   * Makes the page render on a screen of this size in CSS pixels: a phone's or tablet's (with
   * touch) or a desktop's (with a mouse).
   */
  protected void emulateScreen(int width, int height, double pixelRatio, boolean touch) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", pixelRatio, "mobile", touch));
    browser.executeCdpCommand(
        "Emulation.setTouchEmulationEnabled",
        touch ? Map.of("enabled", true, "maxTouchPoints", 5) : Map.of("enabled", false));
  }

  /** Undoes {@link #emulateScreen} and {@link #emulateColorScheme} after each test. */
  @AfterEach
  void stopEmulating() {
    if (browser == null) {
      return;
    }
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
  }

  /** Makes the page see this {@code prefers-color-scheme}: "light" or "dark". */
  protected void emulateColorScheme(String scheme) {
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Points along a straight line, as fractions of the pad's side. */
  static List<double[]> line(double x0, double y0, double x1, double y1) {
    List<double[]> points = new ArrayList<>();
    int steps = 6;
    for (int i = 0; i <= steps; i++) {
      double t = (double) i / steps;
      points.add(new double[] {x0 + (x1 - x0) * t, y0 + (y1 - y0) * t});
    }
    return points;
  }

  /**
   * Fractions of the element's side → offsets in CSS pixels from its in-view centre, the origin
   * WebDriver actions use: the centre of the part of the element inside the viewport, which is not
   * the element's centre when the page is scrolled part of it away.
   */
  private List<int[]> offsets(WebElement element, List<double[]> points) {
    @SuppressWarnings("unchecked")
    List<Number> geometry =
        (List<Number>)
            script(
                "const r = arguments[0].getBoundingClientRect();const cx ="
                    + " Math.floor((Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2);const"
                    + " cy = Math.floor((Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) /"
                    + " 2);return [r.left, r.top, r.width, r.height, cx, cy];",
                element);
    double left = geometry.get(0).doubleValue();
    double top = geometry.get(1).doubleValue();
    double width = geometry.get(2).doubleValue();
    double height = geometry.get(3).doubleValue();
    double centreX = geometry.get(4).doubleValue();
    double centreY = geometry.get(5).doubleValue();
    List<int[]> offsets = new ArrayList<>(points.size());
    for (double[] point : points) {
      offsets.add(
          new int[] {
            (int) Math.round(left + point[0] * width - centreX),
            (int) Math.round(top + point[1] * height - centreY)
          });
    }
    return offsets;
  }
}
