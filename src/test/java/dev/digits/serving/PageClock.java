package dev.digits.serving;

import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Holds the page's timers: from the next page load on, {@code setTimeout} callbacks wait until the
 * test runs them, so a test says when "a pause in drawing" has passed instead of sleeping and
 * counting what happened meanwhile. Closing lets later page loads keep real timers.
 */
final class PageClock implements AutoCloseable {
  private static final String HOLD_TIMERS =
      """
      (() => {
        const held = new Map();
        let nextId = 1;
        window.setTimeout = (callback, delay, ...args) => {
          const id = nextId++;
          held.set(id, () => callback(...args));
          return id;
        };
        window.clearTimeout = (id) => held.delete(id);
        window.heldTimers = {
          count: () => held.size,
          runAll: () => {
            const due = [...held.values()];
            held.clear();
            due.forEach((run) => run());
          },
        };
      })();
      """;

  private final ChromeDriver browser;
  private final String scriptId;

  private PageClock(ChromeDriver browser, String scriptId) {
    this.browser = browser;
    this.scriptId = scriptId;
  }

  /** Holds the timers of every page loaded from now until {@link #close()}. */
  static PageClock holdTimers(ChromeDriver browser) {
    Map<String, Object> added =
        browser.executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOLD_TIMERS));
    return new PageClock(browser, (String) added.get("identifier"));
  }

  /** How many timers the page has set and not yet cleared. */
  long heldTimers() {
    return (Long) script("return window.heldTimers.count()");
  }

  /** Runs every held timer, as if their delays had passed. */
  void runTimers() {
    script("window.heldTimers.runAll()");
  }

  private Object script(String javascript) {
    return ((JavascriptExecutor) browser).executeScript(javascript);
  }

  @Override
  public void close() {
    browser.executeCdpCommand(
        "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", scriptId));
  }
}
