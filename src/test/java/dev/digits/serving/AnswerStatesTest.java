package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the result area says besides a plain answer: that a request is on its way, that the answer
 * on show is to an older drawing, and that a model declines to call the drawing a digit.
 *
 * <p>The page reads a model's decision from the answer's {@code accepted} and {@code reason}
 * fields. The fakes are sure enough of every shape to be accepted, so these tests turn answers into
 * declines on the way into the page, by wrapping its {@code fetch}: what is checked is how the page
 * says each decision, not who makes it (RealModelDrawingTest has the server decline a dot).
 */
class AnswerStatesTest extends BrowserTestBase {

  @BeforeEach
  void open() {
    openPage();
  }

  @Test
  void requestOnItsWayShowsABarAndSaysSo() {
    script(
        "const fetch = window.fetch; let open; const gate = new Promise(r => open = r);"
            + "window.openGate = open;"
            + "window.fetch = async (url, init) => {"
            + "  if (String(url).includes('/api/predict')) { await gate; }"
            + "  return fetch(url, init); };");

    drawWithMouse(VERTICAL);

    waitUntil(() -> panelIsBusy() && "1".equals(progressOpacity()));
    waitUntil(() -> result().getText().equals("Recognizing…"));
    screenshot("desktop-request-on-its-way");
    script("window.openGate()");
    waitForDigit(FakeClassifier.TALL);
    waitUntil(() -> !panelIsBusy());
    assertThat(result().getAttribute("aria-busy")).isEqualTo("false");
  }

  @Test
  void answerToAnOlderDrawingSaysHowToRenewIt() {
    browser.findElement(By.id("live-toggle")).click();
    drawWithMouse(VERTICAL);
    browser.findElement(By.id("predict-button")).click();
    waitForDigit(FakeClassifier.TALL);

    drawWithMouse(HORIZONTAL);

    assertThat(result().getAttribute("class")).contains("outdated");
    assertThat(result().findElement(By.cssSelector(".stale-note")).getText())
        .isEqualTo("The drawing has changed: press Predict for a new answer.");
    screenshot("desktop-outdated");
    browser.findElement(By.id("predict-button")).click();
    waitForDigit(FakeClassifier.ROUND);
    assertThat(result().findElements(By.cssSelector(".stale-note"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unsure         | Not sure: 1 or 2?",
        "not_a_digit    | That doesn't look like a digit",
        "several_digits | That looks like more than one digit",
        "too_small      | Draw it bigger"
      })
  void declinedAnswerIsSaidInWordsWithTheGuessBelow(String reason, String words) {
    declineWith(reason);

    drawWithMouse(VERTICAL);

    waitForSettled(".verdict");
    assertThat(result().findElement(By.cssSelector(".verdict")).getText()).isEqualTo(words);
    assertThat(result().findElement(By.cssSelector(".answer.guess .digit")).getText())
        .isEqualTo("1");
    assertThat(result().findElement(By.cssSelector(".confidence-label")).getText())
        .isEqualTo("best guess");
    waitUntil(
        () ->
            browser
                .findElement(By.id("announcer"))
                .getAttribute("textContent")
                .startsWith(words + " Best guess 1,"));
    screenshot("desktop-declined-" + reason);
  }

  @Test
  void answerWithoutADecisionIsAnAnswer() {
    drawWithMouse(VERTICAL);

    waitForDigit(FakeClassifier.TALL);
    assertThat(result().findElements(By.cssSelector(".verdict, .answer.guess"))).isEmpty();
  }

  @Test
  void comparisonShowsEachModelsDecision() {
    declineWith("unsure");
    browser.findElement(By.id("compare-toggle")).click();

    drawWithMouse(VERTICAL);

    waitForSettled(".compare");
    List<WebElement> rows = browser.findElements(By.cssSelector(".compare-row"));
    assertThat(rows.get(0).findElement(By.cssSelector(".row-verdict")).getText())
        .isEqualTo("Not sure: 1 or 2?");
    assertThat(rows.get(1).findElement(By.cssSelector(".row-verdict")).getText())
        .isEqualTo("Not sure: 2 or 3?");
    assertThat(result().findElement(By.cssSelector(".compare-summary")).getText())
        .isEqualTo("No model calls this a digit.");
    screenshot("desktop-compare-declined");
  }

  /** Makes every answer the page receives a decline for this reason. */
  private void declineWith(String reason) {
    script(
        "const fetch = window.fetch; const reason = arguments[0];"
            + "window.fetch = async (url, init) => {"
            + "  const response = await fetch(url, init);"
            + "  if (!String(url).includes('/api/predict') || !response.ok) { return response; }"
            + "  const body = Object.assign(await response.json(), {accepted: false, reason});"
            + "  return new Response(JSON.stringify(body),"
            + "      {status: 200, headers: {'Content-Type': 'application/json'}}); };",
        reason);
  }

  private boolean panelIsBusy() {
    return browser.findElement(By.id("result-panel")).getAttribute("class").contains("busy");
  }

  private String progressOpacity() {
    return browser.findElement(By.cssSelector(".progress")).getCssValue("opacity");
  }
}
