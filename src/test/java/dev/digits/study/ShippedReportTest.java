package dev.digits.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.TestData;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped report is exactly what {@link ReportPage} renders from the shipped {@code
 * study.json}: the page and its data cannot drift apart, and a change to the report's template,
 * style or script shows up here until the shipped page is rendered again.
 */
class ShippedReportTest {
  private static final Path SHIPPED = Path.of("models/study");

  @Test
  void shippedPageIsTheRenderingOfShippedStudyJson() throws IOException {
    StudyReport report =
        Json.mapper().readValue(SHIPPED.resolve("study.json").toFile(), StudyReport.class);
    String rendered = ReportPage.render(report, TestData.mnist().test());

    Path fresh = Files.createDirectories(Path.of("target")).resolve("study-index.html");
    Files.writeString(fresh, rendered);
    assertThat(rendered)
        .as(
            "models/study/index.html against its rendering; if the change is intended: cp %s %s",
            fresh, SHIPPED.resolve("index.html"))
        .isEqualTo(Files.readString(SHIPPED.resolve("index.html")));
  }
}
