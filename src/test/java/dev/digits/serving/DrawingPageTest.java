package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The drawing page on a desktop-sized window, driven with the mouse and the keyboard. */
class DrawingPageTest extends BrowserTestBase {
  @TempDir Path files;

  @BeforeEach
  void open() {
    openPage();
  }

  @Test
  void mouseStrokeIsDrawnAndRecognized() {
    drawWithMouse(VERTICAL);

    waitForDigit(FakeClassifier.TALL);
    assertThat(inkAt(0.5, 0.5)).isTrue();
    assertThat(inkAt(0.25, 0.5)).isFalse();
    assertThat(result().findElements(By.cssSelector(".bars li"))).hasSize(10);
    assertThat(result().findElement(By.cssSelector(".bars li.best .label")).getText())
        .isEqualTo("1");
    assertThat(result().findElement(By.cssSelector(".model-input img")).getAttribute("src"))
        .startsWith("data:image/png;base64,");
    assertThat(result().findElement(By.cssSelector(".model-line")).getText())
        .contains("fake-a", "99.12%");
    assertThat(new Select(browser.findElement(By.id("model-select"))).getFirstSelectedOption())
        .extracting(WebElement::getText)
        .isEqualTo("fake-a · 99.12%");
    assertThat(browser.findElement(By.id("announcer")).getAttribute("textContent"))
        .startsWith("1,");
    assertThat(consoleErrors()).isEmpty();
    screenshot("desktop-recognized");
  }

  @Test
  void emptyPadAsksForADigitWithoutARequest() {
    assertThat(result().getText()).isEqualTo("Draw a digit");
    assertThat(disabledButtons()).containsExactly("undo-button", "redo-button", "clear-button");

    browser.findElement(By.id("predict-button")).click();

    assertThat(result().getText()).isEqualTo("Draw a digit");
    assertThat(predictRequests()).isZero();
    screenshot("desktop-empty");
  }

  @Test
  void undoRemovesTheLastStroke() {
    drawWithMouse(VERTICAL);
    waitForDigit(FakeClassifier.TALL);
    drawWithMouse(HORIZONTAL);
    waitForDigit(FakeClassifier.ROUND);
    assertThat(inkAt(0.25, 0.5)).isTrue();

    browser.findElement(By.id("undo-button")).click();

    waitForDigit(FakeClassifier.TALL);
    assertThat(inkAt(0.25, 0.5)).isFalse();
    assertThat(inkAt(0.5, 0.3)).isTrue();
  }

  @Test
  void clearEmptiesThePad() {
    drawWithMouse(HORIZONTAL);
    waitForDigit(FakeClassifier.WIDE);

    browser.findElement(By.id("clear-button")).click();

    waitForMessage("Draw a digit");
    assertThat(inkAt(0.5, 0.5)).isFalse();
  }

  @Test
  void redoTakesBackAnUndoAndUndoTakesBackAClear() {
    drawWithMouse(VERTICAL);
    waitForDigit(FakeClassifier.TALL);
    drawWithMouse(HORIZONTAL);
    waitForDigit(FakeClassifier.ROUND);
    assertThat(disabledButtons()).containsExactly("redo-button");

    browser.findElement(By.id("undo-button")).click();
    waitForDigit(FakeClassifier.TALL);
    assertThat(disabledButtons()).isEmpty();
    browser.findElement(By.id("redo-button")).click();
    waitForDigit(FakeClassifier.ROUND);
    assertThat(inkAt(0.25, 0.5)).isTrue();

    blurFocusedControl();
    new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
    waitForDigit(FakeClassifier.TALL);
    new Actions(browser).keyDown(Keys.CONTROL).sendKeys("y").keyUp(Keys.CONTROL).perform();
    waitForDigit(FakeClassifier.ROUND);
    new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
    waitForDigit(FakeClassifier.TALL);
    new Actions(browser)
        .keyDown(Keys.CONTROL)
        .keyDown(Keys.SHIFT)
        .sendKeys("z")
        .keyUp(Keys.SHIFT)
        .keyUp(Keys.CONTROL)
        .perform();
    waitForDigit(FakeClassifier.ROUND);

    browser.findElement(By.id("clear-button")).click();
    waitForMessage("Draw a digit");
    assertThat(disabledButtons()).containsExactly("redo-button", "clear-button");
    browser.findElement(By.id("undo-button")).click();
    waitForDigit(FakeClassifier.ROUND);
    assertThat(inkAt(0.5, 0.3)).isTrue();
    assertThat(inkAt(0.25, 0.5)).isTrue();
  }

  @Test
  void keyboardAloneDrawsADigitAndOnlyTheSettledAnswerIsAnnounced() {
    tabTo("canvas");
    assertThat(browser.findElement(By.cssSelector(".key-hint")).isDisplayed()).isTrue();
    Keys[] upThree = {Keys.ARROW_UP, Keys.ARROW_UP, Keys.ARROW_UP};
    new Actions(browser).keyDown(Keys.SHIFT).sendKeys(upThree).keyUp(Keys.SHIFT).perform();

    keys(Keys.SPACE);
    new Actions(browser)
        .keyDown(Keys.SHIFT)
        .sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        .keyUp(Keys.SHIFT)
        .perform();

    // The pen is still down: the answer to the stroke so far is shown, not spoken.
    waitForDigit(FakeClassifier.TALL);
    assertThat(announcement()).isEmpty();
    new Actions(browser)
        .keyDown(Keys.SHIFT)
        .sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        .keyUp(Keys.SHIFT)
        .perform();
    keys(Keys.SPACE);

    waitUntil(() -> announcement().startsWith("1,"));
    assertThat(waitForAnswer()).isEqualTo(FakeClassifier.TALL);
    assertThat(inkAt(0.5, 0.25)).isTrue();
    assertThat(inkAt(0.5, 0.75)).isTrue();
    assertThat(inkAt(0.3, 0.5)).isFalse();
    screenshot("desktop-keyboard");
  }

  @Test
  void withLiveModeOffOnlyPredictAsks() {
    try (PageClock clock = PageClock.holdTimers(browser)) {
      openPage();
      browser.findElement(By.id("live-toggle")).click();
      drawWithMouse(VERTICAL);

      assertThat(clock.heldTimers()).as("requests waiting for a pause").isZero();
      assertThat(result().getAttribute("aria-busy")).as("a request in flight").isNotEqualTo("true");
      assertThat(result().getText()).isEqualTo("Press Predict to recognize the drawing");

      browser.findElement(By.id("predict-button")).click();

      waitForDigit(FakeClassifier.TALL);
      assertThat(predictRequests()).isEqualTo(1);
    }
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("live-toggle")).isSelected()).isFalse();
  }

  @Test
  void liveModeAsksAfterAPauseAndAtTheEndOfAStroke() {
    try (PageClock clock = PageClock.holdTimers(browser)) {
      openPage();
      drawWithButtonHeld(VERTICAL);
      assertThat(clock.heldTimers()).as("one request waiting for a pause").isEqualTo(1);
      assertThat(result().getText()).isEqualTo("Draw a digit");

      clock.runTimers();
      waitForDigit(FakeClassifier.TALL);
      assertThat(predictRequests()).isEqualTo(1);

      new Actions(browser).release().perform();
      waitUntil(() -> predictRequests() == 2);
      assertThat(clock.heldTimers()).isZero();
    }
  }

  @Test
  void keyboardShortcuts() {
    browser.findElement(By.id("live-toggle")).click();
    blurFocusedControl();
    drawWithMouse(VERTICAL);
    keys(Keys.ENTER);
    waitForDigit(FakeClassifier.TALL);

    drawWithMouse(HORIZONTAL);
    keys(Keys.ENTER);
    waitForDigit(FakeClassifier.ROUND);

    keys(Keys.BACK_SPACE);
    keys(Keys.ENTER);
    waitForDigit(FakeClassifier.TALL);

    new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
    waitForMessage("Draw a digit");

    drawWithMouse(VERTICAL);
    keys(Keys.ESCAPE);
    waitForMessage("Draw a digit");
    assertThat(inkAt(0.5, 0.5)).isFalse();
  }

  @Test
  void shortcutsLeaveTheModelListAlone() {
    drawWithMouse(VERTICAL);
    waitForDigit(FakeClassifier.TALL);

    browser.findElement(By.id("model-select")).sendKeys(Keys.ESCAPE);

    assertThat(inkAt(0.5, 0.5)).isTrue();
  }

  @Test
  void uploadedImageIsShownAndRecognized() throws IOException {
    Path png = Files.write(files.resolve("tall.png"), TestImages.tallPng());

    browser.findElement(By.id("file-input")).sendKeys(png.toString());

    waitForDigit(FakeClassifier.TALL);
    WebElement preview = browser.findElement(By.id("upload-preview"));
    assertThat(preview.isDisplayed()).isTrue();
    assertThat(preview.getAttribute("src")).startsWith("blob:");
    screenshot("desktop-upload");

    drawWithMouse(HORIZONTAL);
    waitForDigit(FakeClassifier.WIDE);
    assertThat(preview.isDisplayed()).isFalse();
  }

  @Test
  void fileDroppedOnThePadIsRecognized() {
    script(
        "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));const transfer ="
            + " new DataTransfer();transfer.items.add(new File([bytes], 'wide.png', {type:"
            + " 'image/png'}));document.getElementById('pad').dispatchEvent(  new DragEvent('drop',"
            + " {dataTransfer: transfer, bubbles: true, cancelable: true}));",
        Base64.getEncoder().encodeToString(TestImages.widePng()));

    waitForDigit(FakeClassifier.WIDE);
    assertThat(browser.findElement(By.id("upload-preview")).isDisplayed()).isTrue();
  }

  @Test
  void fileThatIsNoImageIsNamedInsteadOfShownBroken() {
    script(
        "const transfer = new DataTransfer();transfer.items.add(new File(['just words'],"
            + " 'notes.txt', {type: 'text/plain'}));document.getElementById('pad').dispatchEvent("
            + "  new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));");

    waitForMessage("not an image");
    waitUntil(() -> browser.findElement(By.id("upload-name")).isDisplayed());
    assertThat(browser.findElement(By.id("upload-name")).getText()).isEqualTo("notes.txt");
    assertThat(browser.findElement(By.id("upload-preview")).isDisplayed()).isFalse();
    screenshot("desktop-not-an-image");
  }

  @Test
  void percentagesAreWrittenOneWayEverywhere() {
    @SuppressWarnings("unchecked")
    List<String> written =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "import('/assets/js/format.js').then(f => done([f.accuracy(0.9964),"
                        + " f.probability(0.9997), f.probability(0.0002), f.probability(0.5),"
                        + " f.probability(1), f.probability(0)]));");

    assertThat(written).containsExactly("99.64%", ">99.9%", "<0.1%", "50.0%", ">99.9%", "<0.1%");
  }

  @Test
  void refusedUploadsAreExplainedInThePage() throws IOException {
    Path gif =
        Files.write(
            files.resolve("digit.gif"), TestImages.encode(TestImages.bar(64, 8, 40), "gif"));
    browser.findElement(By.id("file-input")).sendKeys(gif.toString());
    waitForMessage("not supported");
    assertThat(result().findElement(By.cssSelector(".message")).getText()).contains("PNG or JPEG");

    Path blank = Files.write(files.resolve("blank.png"), TestImages.blankPng());
    browser.findElement(By.id("file-input")).sendKeys(blank.toString());
    waitForMessage("No digit found");
    screenshot("desktop-no-digit");
  }

  @Test
  void modelPickerAndComparison() {
    Select models = new Select(browser.findElement(By.id("model-select")));
    assertThat(models.getOptions()).hasSize(2);
    assertThat(models.getFirstSelectedOption().getAttribute("value")).isEqualTo("fake-a");
    drawWithMouse(VERTICAL);
    waitForDigit(FakeClassifier.TALL);

    models.selectByValue("fake-b");
    waitForDigit(FakeClassifier.TALL + 1);

    browser.findElement(By.id("compare-toggle")).click();
    waitUntil(() -> browser.findElements(By.cssSelector(".compare-row")).size() == 2);
    List<WebElement> rows = browser.findElements(By.cssSelector(".compare-row"));
    assertThat(rows.get(0).findElement(By.tagName("th")).getText()).isEqualTo("fake-a");
    assertThat(rows.get(0).findElement(By.cssSelector(".compare-digit")).getText()).isEqualTo("1");
    assertThat(rows.get(1).findElement(By.cssSelector(".compare-digit")).getText()).isEqualTo("2");
    assertThat(result().findElement(By.cssSelector(".compare-summary")).getText())
        .contains("disagree");
    assertThat(browser.findElement(By.id("model-select")).isEnabled()).isFalse();
    screenshot("desktop-compare");
  }

  @Test
  void drawingLandsUnderThePointerOnAScrolledPage() {
    script("document.body.style.paddingBottom = '2000px'; window.scrollTo(0, 160);");
    assertThat((Long) script("return Math.round(window.scrollY)")).isEqualTo(160L);

    drawWithMouse(line(0.25, 0.75, 0.3, 0.75));

    assertThat(inkAt(0.27, 0.75)).isTrue();
    assertThat(inkAt(0.27, 0.75 - 160.0 / canvas().getRect().getHeight())).isFalse();
  }

  @Test
  void darkThemeDrawsLightInkOnDarkPaper() {
    emulateColorScheme("dark");
    openPage();
    drawWithMouse(VERTICAL);
    waitForDigit(FakeClassifier.TALL);

    assertThat(canvasPixel(0.5, 0.5).get(0)).isGreaterThan(200L);
    assertThat(canvasPixel(0.2, 0.5).get(0)).isLessThan(60L);
    screenshot("desktop-dark");
  }

  private void keys(CharSequence key) {
    new Actions(browser).sendKeys(key).perform();
  }

  /** Presses Tab from the top of the page until the element with this id has the focus. */
  private void tabTo(String id) {
    blurFocusedControl();
    for (int presses = 0;
        presses < 10 && !id.equals(script("return document.activeElement.id"));
        presses++) {
      keys(Keys.TAB);
    }
    assertThat(script("return document.activeElement.id")).isEqualTo(id);
  }

  private String announcement() {
    return browser.findElement(By.id("announcer")).getAttribute("textContent");
  }

  /** The ids of the toolbar's buttons that have nothing to do now. */
  private List<String> disabledButtons() {
    return browser.findElements(By.cssSelector(".toolbar button[aria-disabled='true']")).stream()
        .map(button -> button.getAttribute("id"))
        .toList();
  }

  /** Moves focus off the control just clicked, as clicking the page background does. */
  private void blurFocusedControl() {
    script("document.activeElement.blur()");
  }
}
