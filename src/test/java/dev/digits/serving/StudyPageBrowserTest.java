package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The study page's policy in a real browser: the report's inline style and script run under it
 * (their hashes match what Chromium computes) and nothing is blocked or reported.
 */
class StudyPageBrowserTest {

  @Test
  void inlineStyleAndScriptOfTheReportRunUnderItsPolicy() throws Exception {
    Chromium.requireInstalled();
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = 0;
                  config.routes.before(SecurityHeaders::apply);
                  config.routes.get("/study", StudyPage.load("/study-fixture.html"));
                })
            .start();
    Path profile = Chromium.newProfileDirectory();
    ChromeDriver browser = Chromium.start(profile, 800, 600);
    try {
      browser.get("http://127.0.0.1:" + app.port() + "/study");

      assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("the script ran");
      assertThat(browser.findElement(By.id("status")).getCssValue("color"))
          .isEqualTo("rgba(1, 2, 3, 1)");
      assertThat(browser.executeScript("return document.getElementById('digit').naturalWidth"))
          .isEqualTo(1L);
      List<String> errors =
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
              .map(LogEntry::getMessage)
              .toList();
      assertThat(errors).isEmpty();
    } finally {
      browser.quit();
      app.stop();
      Chromium.deleteProfile(profile);
    }
  }
}
