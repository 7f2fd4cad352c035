package dev.digits.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.digits.TestModels;
import dev.digits.data.IdxImages;
import dev.digits.model.Architecture;
import dev.digits.model.ModelMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final Instant GENERATED = Instant.parse("2026-02-03T04:05:06Z");

  @TempDir Path dir;

  /**
   * Six images: 0, 1 and 2 right; a 3 read as 5 (90 %), a 7 read as 1 (60 %, the 7 only third), a 3
   * read as 8 (50 %).
   */
  private static EvaluationResult sixImages() {
    int[] labels = {0, 1, 2, 3, 7, 3};
    float[] probabilities = new float[60];
    probabilities[0] = 1;
    probabilities[11] = 1;
    probabilities[22] = 1;
    probabilities[35] = 0.9f;
    probabilities[33] = 0.1f;
    probabilities[41] = 0.6f;
    probabilities[49] = 0.3f;
    probabilities[47] = 0.06f;
    probabilities[40] = 0.04f;
    probabilities[58] = 0.5f;
    probabilities[53] = 0.45f;
    probabilities[50] = 0.05f;
    return new EvaluationResult(new int[] {10, 11, 12, 13, 14, 15}, labels, probabilities);
  }

  /** Images addressed by source index 0 to {@code count - 1}, each with a different pattern. */
  private static IdxImages images(int count) {
    byte[] pixels = new byte[count * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 31 + i / 784);
    }
    return new IdxImages(count, 28, 28, pixels);
  }

  private static ModelMetadata model(String name) {
    return TestModels.metadata(name, Architecture.GAP_CNN, 17_000);
  }

  private static String render(String name, String dataset, EvaluationResult result, int shown) {
    ModelMetadata model = model(name);
    return HtmlReport.render(
        model,
        EvaluationSummary.of(model, dataset, result, shown),
        result,
        images(result.count() + 10),
        GENERATED);
  }

  @Test
  void writesIndexHtmlIntoTheFolder() throws IOException {
    EvaluationResult result = sixImages();
    ModelMetadata model = model("small");
    Path folder = dir.resolve("reports/small");

    Path written =
        HtmlReport.write(
            folder, model, EvaluationSummary.of(model, "test", result, 2), result, images(16));

    assertThat(written).isEqualTo(folder.resolve("index.html"));
    assertThat(Files.readString(written, StandardCharsets.UTF_8))
        .startsWith("<!doctype html>")
        .endsWith("</html>\n");
  }

  @Test
  void showsTheFiguresAndEveryCountOfTheConfusionMatrix() {
    String html = render("small", "MNIST test set", sixImages(), 2);

    assertThat(html)
        .contains("<span class=\"value\">50.00%</span><span class=\"label\">Accuracy</span>")
        .contains("<span class=\"value\">3 / 6</span>")
        .contains("<span class=\"value\">3</span><span class=\"label\">Mistakes</span>")
        .contains("true 3, predicted 5: 1 of 2 images (50.0% of the row)")
        .contains("true 0, predicted 0: 1 of 1 images (100.0% of the row)")
        .contains("true 4, predicted 4: 0 of 0 images")
        .contains("<li><b>3</b> read as <b class=\"predicted\">5</b>: 1 time</li>")
        .contains("Evaluated on MNIST test set, 6 images.");
    assertThat(count(html, "<td class=\"(hit|miss|empty)")).isEqualTo(100);
  }

  @Test
  void showsTheMostConfidentMistakesFirstThenAllByTrueDigit() {
    String html = render("small", "test", sixImages(), 2);

    assertThat(html).contains("The 2 most confident mistakes", "All 3 mistakes, by true digit");
    String confident =
        html.substring(
            html.indexOf("id=\"confident-mistakes\""), html.indexOf("id=\"all-mistakes\""));
    assertThat(count(confident, "<figure")).isEqualTo(2);
    assertThat(confident.indexOf("alt=\"image 13: a 3 read as 5\""))
        .isLessThan(confident.indexOf("alt=\"image 14: a 7 read as 1\""));
    String all = html.substring(html.indexOf("id=\"all-mistakes\""));
    assertThat(count(all, "<figure")).isEqualTo(3);
    assertThat(all).contains("<h3 id=\"true-3\">", "<h3 id=\"true-7\">").doesNotContain("true-0");
    assertThat(html).contains("<a href=\"#true-3\">1</a>");
  }

  @Test
  void everyMistakeShowsItsTopThreeAndTheTrueDigitWhenItIsNotAmongThem() {
    String html = render("small", "test", sixImages(), 3);

    assertThat(html)
        .contains("title=\"image 13: 5 90.0%, 3 10.0%, 0 0.0%\"")
        .contains("title=\"image 14: 1 60.0%, 9 30.0%, 7 6.0%\"")
        .contains("title=\"image 15: 8 50.0%, 3 45.0%, 0 5.0%\"");
    String allZeroTail = render("small", "test", sixImagesWithTrueDigitFourth(), 3);
    assertThat(allZeroTail).contains("title=\"image 14: 1 60.0%, 9 30.0%, 0 6.0%; true 7 4.0%\"");
  }

  private static EvaluationResult sixImagesWithTrueDigitFourth() {
    EvaluationResult base = sixImages();
    float[] probabilities = base.probabilities().clone();
    probabilities[47] = 0.04f;
    probabilities[40] = 0.06f;
    return new EvaluationResult(base.indices(), base.labels(), probabilities);
  }

  @Test
  void digitsAreInlinePngsAndNothingIsLoadedFromElsewhere() {
    String html = render("small", "test", sixImages(), 3);

    assertThat(html).doesNotContainPattern("(?i)https?://").doesNotContain("<script", "<link");
    assertThat(count(html, "<img src=\"data:image/png;base64,iVBORw0KGgo")).isEqualTo(6);
    assertThat(count(html, "<img ")).isEqualTo(6);
  }

  @Test
  void namesAndDescriptionsFromUsersAreEscaped() {
    String html =
        render("<script>alert('x')</script> & \"co\"", "<img src=x onerror=y>", sixImages(), 1);

    assertThat(html)
        .doesNotContain("<script>", "<img src=x")
        .contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</h1>")
        .contains("Evaluated on &lt;img src=x onerror=y&gt;, 6 images.")
        .contains("<title>&lt;script&gt;");
  }

  @Test
  void aPerfectResultSaysSoInsteadOfShowingEmptyGalleries() {
    EvaluationResult perfect =
        new EvaluationResult(
            new int[] {0}, new int[] {4}, new float[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0});

    String html = render("small", "test", perfect, 20);

    assertThat(html)
        .contains("<h2>No mistakes</h2>")
        .doesNotContain(
            "most confident mistakes",
            "<figure class=\"mistake\"",
            "<a href=\"#true-",
            "<tr class=\"weakest\">");
  }

  @Test
  void aVeryPoorModelShowsOnlyItsMostConfidentThousandMistakes() {
    int n = HtmlReport.MAX_ALL_MISTAKES + 5;
    int[] indices = new int[n];
    int[] labels = new int[n];
    float[] probabilities = new float[n * 10];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
      probabilities[i * 10 + 1] = 1;
    }
    EvaluationResult result = new EvaluationResult(indices, labels, probabilities);

    String html = render("poor", "test", result, 0);

    assertThat(html).contains("The 1,000 most confident of 1,005 mistakes, by true digit");
    assertThat(count(html, "<figure class=\"mistake\"")).isEqualTo(HtmlReport.MAX_ALL_MISTAKES);
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
