package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.PointerInput;

/**
 * The drawing page with the bundled model on a desktop-sized window: digits drawn with the mouse
 * and a pen are read correctly, and undo, clear and live prediction keep working with real answers.
 * Skipped where the build has no bundled model.
 */
class RealModelDrawingTest extends BrowserTestBase {
  static final List<Integer> DIGITS = HandDrawnDigits.DIGITS;

  @Override
  protected ModelCatalog catalog() {
    return BundledCatalog.open();
  }

  @Override
  protected Optional<String> missing() {
    return BundledCatalog.missing();
  }

  @BeforeEach
  void open() {
    openPage();
  }

  @ParameterizedTest(name = "a {0} drawn with the mouse")
  @FieldSource("DIGITS")
  void digitDrawnWithTheMouseIsReadCorrectly(int digit) {
    drawDigit(digit, PointerInput.Kind.MOUSE);

    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(digit);
    assertThat(result().findElement(By.cssSelector(".model-line")).getText())
        .contains(models.defaultName());
    assertThat(consoleErrors()).isEmpty();
    screenshot("real-desktop-mouse-" + digit);
  }

  @Test
  void sevenDrawnWithTheActionsApiIsReadCorrectly() {
    drawWithMouse(HandDrawnDigits.strokes(7).get(0));

    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(7);
  }

  @Test
  void penDrawsDigitsToo() {
    drawDigit(3, PointerInput.Kind.PEN);
    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(3);

    browser.findElement(By.id("clear-button")).click();
    waitForMessage("Draw a digit");
    drawDigit(8, PointerInput.Kind.PEN);
    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(8);
  }

  @Test
  void undoTakesTheAnswerBackAndClearEmptiesThePad() {
    drawDigit(1, PointerInput.Kind.MOUSE);
    assertThat(waitForAnswer()).as("the 1 alone; runners-up " + runnersUp()).isEqualTo(1);
    drawWithPointer(PointerInput.Kind.MOUSE, HandDrawnDigits.BAR_MAKING_ONE_A_SEVEN);
    assertThat(waitForAnswer()).as("with a bar; runners-up " + runnersUp()).isEqualTo(7);
    screenshot("real-desktop-one-made-seven");

    browser.findElement(By.id("undo-button")).click();

    assertThat(waitForAnswer()).as("after undo; runners-up " + runnersUp()).isEqualTo(1);
    assertThat(inkAt(0.3, 0.19)).isFalse();
    assertThat(inkAt(0.5, 0.5)).isTrue();

    browser.findElement(By.id("clear-button")).click();

    waitForMessage("Draw a digit");
    assertThat(inkAt(0.5, 0.5)).isFalse();
  }

  @Test
  void withLiveModeOffTheAnswerWaitsForPredict() {
    browser.findElement(By.id("live-toggle")).click();
    drawDigit(2, PointerInput.Kind.MOUSE);
    assertThat(predictRequests()).isZero();
    assertThat(result().getText()).isEqualTo("Press Predict to recognize the drawing");

    browser.findElement(By.id("predict-button")).click();

    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(2);
    assertThat(predictRequests()).isEqualTo(1);
  }

  @Test
  void dotIsAskedToBeDrawnBiggerWithTheBestGuessBelow() {
    // With the thinnest pen: a dot of the default pen's width sits on the "too small" threshold.
    script(
        "const width = document.getElementById('stroke-width'); width.value = width.min;"
            + "width.dispatchEvent(new Event('input'));");
    drawWithPointer(PointerInput.Kind.MOUSE, HandDrawnDigits.DOT);

    waitForSettled(".verdict");
    assertThat(result().findElement(By.cssSelector(".verdict")).getText())
        .isEqualTo("Draw it bigger");
    assertThat(result().findElements(By.cssSelector(".answer.guess .digit"))).hasSize(1);
    waitUntil(
        () ->
            browser
                .findElement(By.id("announcer"))
                .getAttribute("textContent")
                .startsWith("Draw it bigger Best guess "));
    screenshot("real-desktop-dot");
  }

  @Test
  void liveModeAnswersTheFinishedDrawing() {
    drawDigit(4, PointerInput.Kind.MOUSE);

    // Two strokes: an answer after the first (and perhaps during each), the last for the whole 4.
    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(4);
    assertThat(predictRequests()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void digitDrawnOnAScrolledPageIsReadCorrectly() {
    script("document.body.style.paddingBottom = '2000px'; window.scrollTo(0, 120);");
    assertThat((Long) script("return Math.round(window.scrollY)")).isEqualTo(120L);

    drawDigit(7, PointerInput.Kind.MOUSE);

    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(7);
    assertThat(inkAt(0.5, 0.2)).as("the bar, where it was drawn").isTrue();
    screenshot("real-desktop-scrolled-7");
  }
}
