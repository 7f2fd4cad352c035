package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class DocsPageTest extends BrowserTestBase {

  @Test
  void rendersEveryOperationOfTheOpenApiDocument() {
    browser.get(server.uri("/docs").toString());
    waitUntil(() -> !browser.findElements(By.cssSelector("article.operation")).isEmpty());

    List<String> documented = new ArrayList<>();
    RunningServer.json(server.get("/openapi.json"))
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> documented.add(method.toUpperCase() + " " + path.getKey())));
    List<String> shown =
        browser.findElements(By.cssSelector("article.operation h3")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(shown).containsExactlyInAnyOrderElementsOf(documented);
    assertThat(browser.findElements(By.cssSelector("article.schema"))).isNotEmpty();
    screenshot("docs");
    script("document.getElementById('predict').scrollIntoView()");
    screenshot("docs-predict");
    script("document.getElementById('schema-Prediction').scrollIntoView()");
    screenshot("docs-schema");
  }
}
