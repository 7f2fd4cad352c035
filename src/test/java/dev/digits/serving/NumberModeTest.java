package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;

/**
 * Number mode with the real bundled model: "42" written on the wide pad is read as 42, each digit
 * boxed on the drawing, and the modes switch without losing the drawing. Skipped where the build
 * has no bundled model.
 */
class NumberModeTest extends BrowserTestBase {

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

  private void chooseNumberMode() {
    browser.findElement(By.cssSelector("input[name=mode][value=number]")).click();
    waitUntil(() -> (Boolean) script("return document.querySelector('.app.number-mode') !== null"));
    // The switch is below the pad: clicking it may have scrolled the pad out of view.
    script("document.activeElement.blur(); scrollTo(0, 0)");
  }

  /** Writes a digit's strokes into the wide pad, its square {@code left} of the pad's width in. */
  private void write(int digit, double left) {
    for (List<double[]> stroke : HandDrawnDigits.strokes(digit)) {
      writeStroke(stroke, left);
    }
  }

  private void writeStroke(List<double[]> stroke, double left) {
    List<double[]> placed = new ArrayList<>();
    for (double[] point : stroke) {
      placed.add(new double[] {left + point[0] / 3, point[1]});
    }
    drawWithPointer(PointerInput.Kind.MOUSE, placed);
  }

  @Test
  void fortyTwoWrittenInNumberModeIsReadAsFortyTwo() {
    chooseNumberMode();
    WebElement canvas = canvas();
    assertThat((double) canvas.getSize().getWidth() / canvas.getSize().getHeight())
        .isBetween(2.9, 3.1);

    write(4, 0.1);
    write(2, 0.4);
    waitForSettled(".number");

    assertThat(result().findElement(By.cssSelector(".number")).getText()).isEqualTo("42");
    List<WebElement> boxes = browser.findElements(By.cssSelector("#number-boxes .number-box"));
    assertThat(boxes).extracting(WebElement::getText).containsExactly("4", "2");
    assertThat(boxes.get(0).getLocation().getX()).isLessThan(boxes.get(1).getLocation().getX());
    assertThat(consoleErrors()).isEmpty();
    screenshot("number-mode-42");

    result().findElements(By.cssSelector(".digit-chip")).get(1).click();
    assertThat(result().findElement(By.cssSelector(".digit-details .answer .digit")).getText())
        .isEqualTo("2");
    assertThat(result().findElements(By.cssSelector(".digit-details .model-input img"))).hasSize(1);
  }

  @Test
  void aStrokeBegunInsideADigitsBoxStillDraws() {
    chooseNumberMode();
    List<List<double[]>> four = HandDrawnDigits.strokes(4);
    writeStroke(four.get(0), 0.1);
    waitForSettled(".number");
    assertThat(browser.findElements(By.cssSelector("#number-boxes .number-box")))
        .as("the first stroke's answer is boxed on the pad")
        .isNotEmpty();

    // The 4's upright starts inside the box of its first stroke: the pad, not the box, takes it.
    writeStroke(four.get(1), 0.1);
    write(2, 0.4);
    waitForSettled(".number");

    assertThat(result().findElement(By.cssSelector(".number")).getText()).isEqualTo("42");
  }

  @Test
  void theWidePadFitsAPhoneUprightAndSideways() {
    for (int[] screen : new int[][] {{360, 640}, {640, 360}}) {
      emulatePhone(screen[0], screen[1], 2);
      openPage();
      chooseNumberMode();
      write(4, 0.1);
      write(2, 0.4);
      waitForSettled(".number");

      @SuppressWarnings("unchecked")
      List<Number> pad =
          (List<Number>)
              script(
                  "const r = document.getElementById('pad').getBoundingClientRect();"
                      + "return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight];");
      assertThat(pad.get(0).doubleValue()).as("pad left").isGreaterThanOrEqualTo(0);
      assertThat(pad.get(2).doubleValue())
          .as("pad right")
          .isLessThanOrEqualTo(pad.get(4).doubleValue());
      assertThat(pad.get(3).doubleValue())
          .as("pad bottom")
          .isLessThanOrEqualTo(pad.get(5).doubleValue());
      assertThat(
              (pad.get(2).doubleValue() - pad.get(0).doubleValue())
                  / (pad.get(3).doubleValue() - pad.get(1).doubleValue()))
          .isBetween(2.9, 3.1);
      screenshot("number-mode-" + screen[0] + "x" + screen[1]);
    }
  }

  @Test
  void switchingModesKeepsTheDrawing() {
    chooseNumberMode();
    write(7, 0.1);
    waitForSettled(".number");

    browser.findElement(By.cssSelector("input[name=mode][value=digit]")).click();

    assertThat(waitForAnswer()).isEqualTo(7);
    WebElement canvas = canvas();
    assertThat(canvas.getSize().getWidth()).isEqualTo(canvas.getSize().getHeight());
  }
}
