package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;

/**
 * The page with the bundled model on an emulated phone (three device pixels per CSS pixel, touch):
 * digits drawn with a finger or a pen are read correctly, upright, sideways and scrolled. Skipped
 * where the build has no bundled model.
 */
class RealModelPhoneTest extends BrowserTestBase {

  @Override
  protected ModelCatalog catalog() {
    return BundledCatalog.open();
  }

  @Override
  protected Optional<String> missing() {
    return BundledCatalog.missing();
  }

  @Test
  void fingerDrawnDigitsAreReadCorrectly() {
    emulatePhone(390, 844, 3);
    openPage();

    for (int digit : new int[] {7, 0, 2, 1}) {
      drawDigit(digit, PointerInput.Kind.TOUCH);

      assertThat(waitForAnswer()).as("a %d; runners-up %s", digit, runnersUp()).isEqualTo(digit);
      assertThat(browser.findElement(By.cssSelector("#result .digit")).getRect().getY())
          .as("the answer is on screen without scrolling")
          .isLessThan(844);
      screenshot("real-phone-touch-" + digit);
      browser.findElement(By.id("clear-button")).click();
      waitForMessage("Draw a digit");
    }
  }

  @Test
  void penDrawnDigitsAreReadCorrectly() {
    emulatePhone(390, 844, 3);
    openPage();

    for (int digit : new int[] {4, 8, 3}) {
      drawDigit(digit, PointerInput.Kind.PEN);

      assertThat(waitForAnswer()).as("a %d; runners-up %s", digit, runnersUp()).isEqualTo(digit);
      screenshot("real-phone-pen-" + digit);
      browser.findElement(By.id("clear-button")).click();
      waitForMessage("Draw a digit");
    }
  }

  @Test
  void fingerDrawnDigitIsReadCorrectlyOnAScrolledPage() {
    emulatePhone(390, 844, 3);
    openPage();
    script("document.body.style.paddingBottom = '2000px'; window.scrollTo(0, 60);");
    assertThat((Long) script("return Math.round(window.scrollY)")).isEqualTo(60L);

    drawDigit(3, PointerInput.Kind.TOUCH);

    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(3);
    assertThat(inkAt(0.48, 0.23)).as("the top of the 3, where it was drawn").isTrue();
    screenshot("real-phone-scrolled-3");
  }

  @Test
  void undoWorksWithAFinger() {
    emulatePhone(390, 844, 3);
    openPage();
    drawDigit(1, PointerInput.Kind.TOUCH);
    assertThat(waitForAnswer()).as("the 1; runners-up " + runnersUp()).isEqualTo(1);
    drawWithPointer(PointerInput.Kind.TOUCH, HandDrawnDigits.BAR_MAKING_ONE_A_SEVEN);
    assertThat(waitForAnswer()).as("with a bar; runners-up " + runnersUp()).isEqualTo(7);

    browser.findElement(By.id("undo-button")).click();

    assertThat(waitForAnswer()).as("after undo; runners-up " + runnersUp()).isEqualTo(1);
  }

  @Test
  void everyModelsAnswerFitsOnOneScreen() {
    emulatePhone(390, 844, 3);
    openPage();
    browser.findElement(By.id("compare-toggle")).click();
    script("scrollTo(0, 0)");

    drawDigit(7, PointerInput.Kind.TOUCH);

    waitForSettled(".compare");
    assertThat(result().findElements(By.cssSelector(".compare-row"))).hasSize(5);
    assertThat(result().findElements(By.cssSelector(".compare-digit")))
        .extracting(WebElement::getText)
        .containsOnly("7");
    assertThat(browser.findElement(By.id("result-panel")).getRect().getHeight())
        .as("the comparison's height")
        .isLessThan(844);
    screenshot("real-phone-compare-7");
  }

  @Test
  void landscapePhoneReadsADigit() {
    emulatePhone(844, 390, 3);
    openPage();

    drawDigit(8, PointerInput.Kind.TOUCH);

    assertThat(waitForAnswer()).as("answer; runners-up " + runnersUp()).isEqualTo(8);
    screenshot("real-phone-landscape-8");
  }
}
