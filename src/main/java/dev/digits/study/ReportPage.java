package dev.digits.study;

import dev.digits.data.LabelledImages;
import dev.digits.io.Html;
import dev.digits.io.HtmlTemplate;
import dev.digits.io.Resources;
import dev.digits.model.ModelMetadata.EpochRecord;
import dev.digits.model.TrainingConfig;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link StudyReport} — what {@code study.json} holds — as one self-contained HTML page.
 * The page's prose and markup are the template {@code study/report.html}; this class fills its
 * slots with the figures, the rows of its tables and the charts ({@link Charts}), and two
 * components draw the larger repeated parts ({@link ConfusionMatrices}, {@link MistakeCards}).
 *
 * <p>Its style sheet and script are inlined, the charts are inline SVG and the misclassified digits
 * PNG data URLs, so the file can be opened from disk, mailed or served as it is, and loads nothing
 * from anywhere. The page has exactly one {@code <style>} and one {@code <script>} element; the
 * server allows those two by their hashes and nothing else.
 */
final class ReportPage {
  private static final HtmlTemplate PAGE = HtmlTemplate.resource("/study/report.html");
  private static final String STYLE = Resources.text(ReportPage.class, "/study/report.css");
  private static final String SCRIPT = Resources.text(ReportPage.class, "/study/report.js");

  private final StudyReport report;
  private final List<Variant> variants = List.of(Variant.values());

  private ReportPage(StudyReport report) {
    this.report = report;
  }

  /** The page for {@code report}; {@code test} holds the images its mistakes refer to. */
  static String render(StudyReport report, LabelledImages test) {
    return new ReportPage(report).page(test);
  }

  private String page(LabelledImages test) {
    TrainingConfig recipe = report.plan().recipe();
    String nearZero = Html.powerOfTenMultiple(report.nearZeroThreshold());
    MistakeCards cards = new MistakeCards(report, test.images(), test::label);
    Map<String, String> slots = new HashMap<>();
    slots.put("style", STYLE);
    slots.put("script", SCRIPT);
    slots.put("architecture", recipe.architecture());
    slots.put("testImages", Html.number(report.testImages(), 0));
    slots.put("nearZero", nearZero);
    slots.put("facts", facts(recipe, nearZero));
    slots.put("findings", findings());
    slots.put("resultRows", resultRows());
    slots.put("legend", each(variant -> "<li>" + variantName(variant) + "</li>"));
    slots.put("solidLine", Charts.lineKey(false));
    slots.put("dashedLine", Charts.lineKey(true));
    ReportCharts charts = new ReportCharts(report);
    slots.put("lossChart", charts.lossChart());
    slots.put("accuracyChart", charts.accuracyChart());
    slots.put("penaltyChart", charts.penaltyChart());
    slots.put("weightRows", weightRows());
    slots.put("sparsityChart", charts.sparsityChart(nearZero));
    slots.put("histograms", charts.histograms());
    slots.put("matrices", ConfusionMatrices.render(report));
    slots.put("overlapColumns", each(v -> "<th scope=\"col\">" + variantName(v) + "</th>"));
    slots.put("overlapRows", overlapRows());
    slots.put("wrongInExactlyRows", wrongInExactlyRows());
    slots.put("uniqueRows", uniqueRows());
    slots.put("variantFilters", cards.variantFilters());
    slots.put("sharedByAll", Integer.toString(report.overlap().sharedByAll().size()));
    slots.put("misclassifiedImages", Html.number(cards.count(), 0));
    slots.put("variantCount", Integer.toString(variants.size()));
    slots.put("cards", cards.render());
    return PAGE.fill(slots);
  }

  private String facts(TrainingConfig recipe, String nearZero) {
    VariantResult first = report.variants().get(0);
    StringBuilder out = new StringBuilder();
    fact(out, "Architecture", recipe.architecture());
    fact(out, "Parameters", Html.number(first.parameterCount(), 0));
    fact(out, "Penalized weights", Html.number(first.weights().count(), 0));
    fact(out, "Epochs", Integer.toString(recipe.epochs()));
    fact(out, "Batch size", Integer.toString(recipe.batchSize()));
    fact(
        out,
        "Optimizer",
        recipe.optimizer().name().toLowerCase(Locale.ROOT)
            + ", lr "
            + recipe.learningRate()
            + ", "
            + recipe.schedule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    fact(out, "Augmentation", augmentation(recipe.augmentation()));
    fact(out, "Seed", Long.toString(recipe.seed()));
    fact(out, "Training images", Html.number(report.trainingImages(), 0));
    fact(out, "Validation images", Html.number(report.validationImages(), 0));
    fact(out, "Test images", Html.number(report.testImages(), 0));
    fact(out, "L1 strength λ₁", Html.powerOfTenMultiple(report.plan().l1()));
    fact(out, "L2 strength λ₂", Html.powerOfTenMultiple(report.plan().l2()));
    fact(out, "Near zero", "|w| < " + nearZero);
    fact(
        out,
        "Report made",
        report.createdAt().substring(0, Math.min(16, report.createdAt().length())).replace('T', ' ')
            + " UTC");
    fact(out, "Code commit", commit());
    return out.toString();
  }

  /** Short sentences that say what the numbers show. */
  private String findings() {
    VariantResult best =
        report.variants().stream()
            .max(Comparator.comparingDouble(VariantResult::testAccuracy))
            .orElseThrow();
    VariantResult worst =
        report.variants().stream()
            .min(Comparator.comparingDouble(VariantResult::testAccuracy))
            .orElseThrow();
    VariantResult none = report.variant(Variant.NONE);
    VariantResult l1 = report.variant(Variant.L1);
    VariantResult l2 = report.variant(Variant.L2);
    VariantResult both = report.variant(Variant.L1_L2);
    MistakeOverlap overlap = report.overlap();
    int unique = overlap.uniqueTo().values().stream().mapToInt(List::size).sum();
    return finding(
            "Test accuracy ranges from <strong>%s</strong> (%s) to <strong>%s</strong> (%s): %s"
                + " against %s misclassified images out of %s.",
            Html.percent(worst.testAccuracy(), 2),
            Html.escape(worst.label()),
            Html.percent(best.testAccuracy(), 2),
            Html.escape(best.label()),
            Html.number(worst.misclassified(), 0),
            Html.number(best.misclassified(), 0),
            Html.number(report.testImages(), 0))
        + finding(
            "L1 leaves <strong>%s</strong> of the weights near zero (L1+L2: %s), against %s"
                + " without penalties and %s with L2 alone.",
            Html.percent(l1.weights().nearZeroFraction(), 1),
            Html.percent(both.weights().nearZeroFraction(), 1),
            Html.percent(none.weights().nearZeroFraction(), 1),
            Html.percent(l2.weights().nearZeroFraction(), 1))
        + finding(
            "L2 shrinks the sum of squared weights Σw² from %s to %s; L1 shrinks Σ|w| from %s to"
                + " %s.",
            Html.significant(none.weights().squaredSum()),
            Html.significant(l2.weights().squaredSum()),
            Html.significant(none.weights().absoluteSum()),
            Html.significant(l1.weights().absoluteSum()))
        + finding(
            "%s test images are misclassified by all four variants, %s by only one of them; %s by"
                + " at least one.",
            Html.number(overlap.sharedByAll().size(), 0),
            Html.number(unique, 0),
            Html.number(overlap.union().size(), 0));
  }

  private static String finding(String markup, Object... values) {
    return "<p class=\"finding\">" + String.format(Locale.ROOT, markup, values) + "</p>\n";
  }

  private String resultRows() {
    double bestAccuracy =
        report.variants().stream().mapToDouble(VariantResult::testAccuracy).max().orElse(0);
    return each(
        variant -> {
          VariantResult v = report.variant(variant);
          EpochRecord last = v.history().isEmpty() ? null : v.history().get(v.history().size() - 1);
          return row(
              variantName(variant),
              td(Html.powerOfTenMultiple(v.l1())),
              td(Html.powerOfTenMultiple(v.l2())),
              (v.testAccuracy() == bestAccuracy ? "<td class=\"best\">" : "<td>")
                  + Html.percent(v.testAccuracy(), 2)
                  + "</td>",
              td(Html.number(v.misclassified(), 0)),
              td(Html.number(v.testLoss(), 4)),
              td(
                  last == null || last.validationAccuracy() == null
                      ? "—"
                      : Html.percent(last.validationAccuracy(), 2)),
              td(Html.minutes(v.trainingSeconds())));
        });
  }

  private String weightRows() {
    return each(
        variant -> {
          VariantResult v = report.variant(variant);
          return row(
              variantName(variant),
              td(Html.percent(v.weights().nearZeroFraction(), 1)),
              td(Html.significant(v.weights().absoluteSum())),
              td(Html.significant(v.weights().squaredSum())),
              td(Html.significant(v.finalPenalty())));
        });
  }

  private String overlapRows() {
    MistakeOverlap overlap = report.overlap();
    return each(
        row -> {
          StringBuilder cells = new StringBuilder();
          for (Variant col : variants) {
            cells.append(
                row == col
                    ? "<td class=\"self\">" + report.variant(row).misclassified() + "</td>"
                    : td(Integer.toString(overlap.shared(row.id(), col.id()))));
          }
          return row(variantName(row), cells.toString());
        });
  }

  private String wrongInExactlyRows() {
    int[] exactly = report.overlap().wrongInExactly();
    StringBuilder out = new StringBuilder();
    for (int k = exactly.length - 1; k >= 0; k--) {
      String by =
          k == exactly.length - 1 ? "all " + k : k == 0 ? "none (all correct)" : "exactly " + k;
      out.append(row(by, td(Html.number(exactly[k], 0))));
    }
    return out.toString();
  }

  private String uniqueRows() {
    return each(
        variant ->
            row(
                variantName(variant),
                td(Integer.toString(report.overlap().uniqueTo().get(variant.id()).size()))));
  }

  /** The markup {@code part} makes of each variant, in the order of {@link Variant}. */
  private String each(Function<Variant, String> part) {
    StringBuilder out = new StringBuilder();
    variants.forEach(variant -> out.append(part.apply(variant)));
    return out.toString();
  }

  /** A table row: a header cell, then cells given as markup. */
  private static String row(String header, String... cells) {
    return "<tr><th scope=\"row\">" + header + "</th>" + String.join("", cells) + "</tr>\n";
  }

  private static String td(String markup) {
    return "<td>" + markup + "</td>";
  }

  private static void fact(StringBuilder out, String term, String value) {
    out.append("<div><dt>")
        .append(Html.escape(term))
        .append("</dt><dd>")
        .append(Html.escape(value))
        .append("</dd></div>\n");
  }

  /** A variant's name after its key in the charts. */
  static String variantName(Variant variant) {
    return "<span class=\"variant v-"
        + variant.id()
        + "\">"
        + Charts.key(variant)
        + Html.escape(variant.label())
        + "</span>";
  }

  private String commit() {
    List<String> commits =
        report.variants().stream().map(VariantResult::gitCommit).distinct().toList();
    if (commits.size() > 1) {
      return "several (see study.json)";
    }
    String commit = commits.get(0);
    return commit.length() > 12 && !commit.equals("unknown") ? commit.substring(0, 12) : commit;
  }

  private static String augmentation(TrainingConfig.Augmentation a) {
    if (!a.enabled()) {
      return "off";
    }
    return String.format(
        Locale.ROOT,
        "±%.0f°, ±%.0f%% size, ±%.1f px, strokes %.0f%%",
        a.rotationDegrees(),
        100 * a.scale(),
        a.shiftPixels(),
        100 * a.strokeProbability());
  }
}
