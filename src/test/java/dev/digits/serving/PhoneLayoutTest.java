package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;

/** The page on an emulated phone: a touch screen with three device pixels per CSS pixel. */
class PhoneLayoutTest extends BrowserTestBase {

  @Test
  void portraitPadFitsAndFingerDrawsWhereItTouches() {
    emulatePhone(390, 844, 3);
    openPage();

    Rectangle pad = canvas().getRect();
    assertThat(pad.getX()).isGreaterThanOrEqualTo(0);
    assertThat(pad.getX() + pad.getWidth()).isLessThanOrEqualTo(390);
    assertThat(pad.getWidth()).isGreaterThanOrEqualTo(300).isEqualTo(pad.getHeight());
    assertThat((Long) script("return document.documentElement.scrollWidth"))
        .isLessThanOrEqualTo(390L);
    assertThat((Long) script("return document.getElementById('canvas').width"))
        .isEqualTo(Math.round(pad.getWidth() * 3.0));
    screenshot("phone-empty");

    drawWithPointer(PointerInput.Kind.TOUCH, line(0.2, 0.3, 0.8, 0.3));

    waitForDigit(FakeClassifier.WIDE);
    assertThat(inkAt(0.5, 0.3)).isTrue();
    assertThat(inkAt(0.5, 0.7)).isFalse();
    assertThat(browser.findElement(By.cssSelector("#result .digit")).getRect().getY())
        .as("the answer is on screen without scrolling")
        .isLessThan(844);
    screenshot("phone-touch");
  }

  @Test
  void tabOrderFollowsTheScreenFromTopToBottom() {
    emulatePhone(390, 844, 3);
    openPage();
    drawWithPointer(PointerInput.Kind.TOUCH, line(0.2, 0.3, 0.8, 0.3));
    waitForDigit(FakeClassifier.WIDE);
    script("document.activeElement.blur(); scrollTo(0, 0)");

    List<String> order = new ArrayList<>();
    double previousTop = Double.NEGATIVE_INFINITY;
    for (int presses = 0; presses < 12; presses++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      @SuppressWarnings("unchecked")
      Map<String, Object> focused =
          (Map<String, Object>)
              script(
                  "const e = document.activeElement;"
                      + "return {name: e.id || e.textContent.trim(),"
                      + " top: e.getBoundingClientRect().top + scrollY};");
      double top = ((Number) focused.get("top")).doubleValue();
      order.add(focused.get("name") + " at " + Math.round(top));
      assertThat(top).as("tab order %s", order).isGreaterThanOrEqualTo(previousTop - 2);
      previousTop = top;
    }
    assertThat(order).as("tab order").anyMatch(stop -> stop.startsWith("live-toggle"));
  }

  @Test
  void penDrawsToo() {
    emulatePhone(390, 844, 3);
    openPage();

    drawWithPointer(PointerInput.Kind.PEN, line(0.7, 0.2, 0.7, 0.8));

    waitForDigit(FakeClassifier.TALL);
    assertThat(inkAt(0.7, 0.5)).isTrue();
    assertThat(inkAt(0.3, 0.5)).isFalse();
  }

  @Test
  void landscapePadFitsTheHeight() {
    emulatePhone(844, 390, 3);
    openPage();

    Rectangle pad = canvas().getRect();
    assertThat(pad.getY() + pad.getHeight()).isLessThanOrEqualTo(390);
    assertThat(pad.getWidth()).isGreaterThanOrEqualTo(250);
    assertThat((Long) script("return document.documentElement.scrollWidth"))
        .isLessThanOrEqualTo(844L);
    assertThat(browser.findElement(By.id("predict-button")).getRect().getY()).isLessThan(390);

    drawWithPointer(PointerInput.Kind.TOUCH, line(0.5, 0.15, 0.5, 0.85));

    waitForDigit(FakeClassifier.TALL);
    assertThat(inkAt(0.5, 0.5)).isTrue();
    screenshot("phone-landscape");
  }

  @Test
  void resizingKeepsTheDrawing() {
    emulatePhone(390, 844, 3);
    openPage();
    drawWithPointer(PointerInput.Kind.TOUCH, line(0.5, 0.2, 0.5, 0.8));
    waitForDigit(FakeClassifier.TALL);
    int upright = canvas().getRect().getWidth();

    emulatePhone(844, 390, 3);
    waitUntil(() -> canvas().getRect().getWidth() < upright);

    assertThat(inkAt(0.5, 0.5)).isTrue();
    assertThat(inkAt(0.3, 0.5)).isFalse();
  }
}
