package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.interactions.PointerInput;

/**
 * The page on the screens people bring, upright and sideways: a phone, a tall phone, the same held
 * sideways, a tablet and a desktop. After a digit is drawn (with a finger, on the touch screens),
 * the answer is on screen without scrolling, no control's text spills out of its box or onto a
 * second line, and the pad takes most of the screen.
 */
class ScreenSizesTest extends BrowserTestBase {

  /** What each control whose text does not fit is, with its text: empty when all fit. */
  private static final String CONTROLS_THAT_DO_NOT_FIT =
      """
      const lines = (element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const boxes = [];
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          if (text.textContent.trim() && text.parentElement.getBoundingClientRect().width > 1) {
            const range = document.createRange();
            range.selectNodeContents(text);
            boxes.push(...[...range.getClientRects()].filter(r => r.width > 0));
          }
        }
        boxes.sort((a, b) => a.top - b.top);
        let count = 0, bottom = -Infinity;
        for (const box of boxes) {
          if (box.top >= bottom - 1) {
            count++;
          }
          bottom = Math.max(bottom, box.bottom);
        }
        return count;
      };
      return [...document.querySelectorAll('button, .button, select, .links a, .option')]
          .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().width > 1)
          .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1
              || (!e.matches('.option, select') && lines(e) > 1))
          .map(e => `${e.tagName.toLowerCase()}#${e.id} "${e.textContent.trim()}"`
              + ` ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`);
      """;

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({
    "360, 640, true",
    "390, 844, true",
    "844, 390, true",
    "768, 1024, true",
    "1280, 900, false"
  })
  void answerIsOnScreenEveryControlFitsAndThePadIsLarge(int width, int height, boolean touch) {
    emulateScreen(width, height, 1, touch);
    openPage();

    drawWithPointer(touch ? PointerInput.Kind.TOUCH : PointerInput.Kind.MOUSE, VERTICAL);
    waitForDigit(FakeClassifier.TALL);
    screenshot("screen-" + width + "x" + height);

    @SuppressWarnings("unchecked")
    Map<String, Number> page =
        (Map<String, Number>)
            script(
                "const digit = document.querySelector('#result .answer .digit')"
                    + ".getBoundingClientRect();"
                    + "return {scrollY: scrollY, scrollWidth: document.documentElement.scrollWidth,"
                    + " top: digit.top, bottom: digit.bottom, left: digit.left, right: digit.right,"
                    + " pad: document.getElementById('canvas').getBoundingClientRect().width};");
    assertThat(page.get("scrollY").doubleValue()).as("scrolled").isZero();
    assertThat(page.get("scrollWidth").intValue()).as("page width").isLessThanOrEqualTo(width);
    assertThat(page.get("top").doubleValue()).as("digit's top").isGreaterThanOrEqualTo(0);
    assertThat(page.get("left").doubleValue()).as("digit's left").isGreaterThanOrEqualTo(0);
    assertThat(page.get("bottom").doubleValue()).as("digit's bottom").isLessThanOrEqualTo(height);
    assertThat(page.get("right").doubleValue()).as("digit's right").isLessThanOrEqualTo(width);
    assertThat(page.get("pad").doubleValue())
        .as("the pad's side")
        .isGreaterThanOrEqualTo(0.6 * Math.min(width, height));
    @SuppressWarnings("unchecked")
    List<String> misfits = (List<String>) script(CONTROLS_THAT_DO_NOT_FIT);
    assertThat(misfits).as("controls whose text does not fit").isEmpty();
  }
}
