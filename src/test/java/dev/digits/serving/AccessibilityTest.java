package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.PointerInput;

/**
 * axe-core's rules (WCAG A and AA, and its best practices) on every page, on a phone and a desktop
 * screen, in the light and the dark scheme. The drawing page is checked with an answer on show,
 * alone and compared across models, so that the result's markup is checked too.
 */
class AccessibilityTest extends BrowserTestBase {
  /** How long one axe-core run may take before the test gives up. */
  private static final int AXE_SECONDS = 300;

  static Stream<Arguments> pagesScreensAndSchemes() {
    return Stream.of("/", "/ comparing", "/study", "/docs")
        .flatMap(
            page ->
                Stream.of(360, 1280)
                    .flatMap(
                        width ->
                            Stream.of("light", "dark")
                                .map(scheme -> Arguments.of(page, width, scheme))));
  }

  @ParameterizedTest(name = "{0} at {1} px, {2}")
  @MethodSource("pagesScreensAndSchemes")
  void axeFindsNoViolations(String page, int width, String scheme) {
    boolean phone = width < 600;
    emulateScreen(width, phone ? 640 : 900, 1, phone);
    emulateColorScheme(scheme);
    open(page, phone);

    // axe reads every node of the long study page: a busy machine needs longer than its default.
    Results results = new AxeBuilder().setTimeout(AXE_SECONDS).analyze(browser);

    assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
    assertThat(results.getViolations()).as(describe(results.getViolations())).isEmpty();
  }

  private void open(String page, boolean phone) {
    String path = page.split(" ")[0];
    if (path.equals("/")) {
      openPage();
      if (page.endsWith("comparing")) {
        browser.findElement(By.id("compare-toggle")).click();
      }
      drawWithPointer(phone ? PointerInput.Kind.TOUCH : PointerInput.Kind.MOUSE, VERTICAL);
      waitForSettled(".answer, .compare");
      return;
    }
    browser.get(server.uri(path).toString());
    if (path.equals("/docs")) {
      waitUntil(() -> !browser.findElements(By.cssSelector("article.operation")).isEmpty());
    }
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                rule.getId()
                    + " ("
                    + rule.getImpact()
                    + "): "
                    + rule.getHelp()
                    + " at "
                    + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(5)
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }
}
