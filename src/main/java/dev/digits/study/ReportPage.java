package dev.digits.study;

import dev.digits.data.IdxImages;
import dev.digits.data.LabelledImages;
import dev.digits.evaluation.EvaluationResult.Mistake;
import dev.digits.model.ModelMetadata.EpochRecord;
import dev.digits.model.TrainingConfig;
import dev.digits.preprocessing.GreyPngEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Renders a {@link StudyReport} as one self-contained HTML page: its style sheet and script are
 * inlined, the charts are inline SVG and the misclassified digits PNG data URLs, so the file can be
 * opened from disk, mailed or served as it is, and loads nothing from anywhere.
 *
 * <p>The page has exactly one {@code <style>} and one {@code <script>} element; the server allows
 * those two by their hashes and nothing else.
 */
final class ReportPage {
  private static final String STYLE = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  private final StudyReport report;
  private final LabelledImages test;
  private final List<Variant> variants = List.of(Variant.values());
  private final StringBuilder out = new StringBuilder(1 << 17);

  private ReportPage(StudyReport report, LabelledImages test) {
    this.report = report;
    this.test = test;
  }

  /** The page for {@code report}; {@code test} holds the images its mistakes refer to. */
  static String render(StudyReport report, LabelledImages test) {
    return new ReportPage(report, test).page();
  }

  private String page() {
    TrainingConfig recipe = report.plan().recipe();
    out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<title>digits — regularization study of ")
        .append(Html.escape(recipe.architecture()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
    header(recipe);
    out.append("<main>\n");
    results();
    curves();
    weights();
    confusion();
    overlap();
    gallery();
    out.append("</main>\n");
    footer();
    out.append("</div>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private void header(TrainingConfig recipe) {
    out.append("<header class=\"page-head\">\n")
        .append("<p class=\"back\"><a href=\"/\" id=\"back-link\">")
        .append("← Back to the drawing page</a></p>\n")
        .append("<p class=\"eyebrow\">digits · regularization study</p>\n")
        .append("<h1>What L1 and L2 penalties do to ")
        .append(Html.escape(recipe.architecture()))
        .append("</h1>\n<p class=\"lede\">The same network trained four times — without penalties,")
        .append(" with L1 (λ₁·Σ|w|), with L2 (λ₂·Σw²) and with both — from the same initial")
        .append(" weights, on the same images in the same order with the same augmentation and")
        .append(" schedule. Only the penalty added to the loss differs. Each model was then tested")
        .append(" on ")
        .append(Html.number(report.testImages(), 0))
        .append(" MNIST test images it never saw.</p>\n<dl class=\"facts\">\n");
    VariantResult first = report.variants().get(0);
    fact("Architecture", recipe.architecture());
    fact("Parameters", Html.number(first.parameterCount(), 0));
    fact("Penalized weights", Html.number(first.weights().count(), 0));
    fact("Epochs", Integer.toString(recipe.epochs()));
    fact("Batch size", Integer.toString(recipe.batchSize()));
    fact(
        "Optimizer",
        recipe.optimizer().name().toLowerCase(Locale.ROOT)
            + ", lr "
            + recipe.learningRate()
            + ", "
            + recipe.schedule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    fact("Augmentation", augmentation(recipe.augmentation()));
    fact("Seed", Long.toString(recipe.seed()));
    fact("Training images", Html.number(report.trainingImages(), 0));
    fact("Validation images", Html.number(report.validationImages(), 0));
    fact("Test images", Html.number(report.testImages(), 0));
    fact("L1 strength λ₁", Html.strength(report.plan().l1()));
    fact("L2 strength λ₂", Html.strength(report.plan().l2()));
    fact("Near zero", "|w| < " + Html.strength(report.nearZeroThreshold()));
    fact(
        "Report made",
        report.createdAt().substring(0, Math.min(16, report.createdAt().length())).replace('T', ' ')
            + " UTC");
    fact("Code commit", commit());
    out.append("</dl>\n<nav class=\"sections\" aria-label=\"Sections of this report\">")
        .append("<a href=\"#results\">Results</a><a href=\"#curves\">Learning curves</a>")
        .append("<a href=\"#weights\">Weights</a><a href=\"#confusion\">Confusion matrices</a>")
        .append("<a href=\"#overlap\">Shared mistakes</a>")
        .append("<a href=\"#gallery\">Misclassified digits</a></nav>\n</header>\n");
  }

  private void results() {
    out.append("<section id=\"results\" aria-labelledby=\"results-h\">\n")
        .append("<h2 id=\"results-h\">Results</h2>\n");
    for (String finding : findings()) {
      out.append("<p class=\"finding\">").append(finding).append("</p>\n");
    }
    double bestAccuracy =
        report.variants().stream().mapToDouble(VariantResult::testAccuracy).max().orElse(0);
    out.append("<div class=\"table-wrap\"><table class=\"results\">\n")
        .append("<caption>Test figures</caption>\n")
        .append("<thead><tr><th scope=\"col\">Variant</th><th scope=\"col\">λ₁ (L1)</th>")
        .append("<th scope=\"col\">λ₂ (L2)</th><th scope=\"col\">Test accuracy</th>")
        .append("<th scope=\"col\">Misclassified</th><th scope=\"col\">Test loss</th>")
        .append("<th scope=\"col\">Validation accuracy</th>")
        .append("<th scope=\"col\">Training time</th></tr></thead>\n<tbody>\n");
    for (Variant variant : variants) {
      VariantResult v = report.variant(variant);
      EpochRecord last = v.history().isEmpty() ? null : v.history().get(v.history().size() - 1);
      out.append("<tr><th scope=\"row\">")
          .append(variantName(variant))
          .append("</th><td>")
          .append(Html.strength(v.l1()))
          .append("</td><td>")
          .append(Html.strength(v.l2()))
          .append("</td><td")
          .append(v.testAccuracy() == bestAccuracy ? " class=\"best\"" : "")
          .append('>')
          .append(Html.percent(v.testAccuracy(), 2))
          .append("</td><td>")
          .append(Html.number(v.misclassified(), 0))
          .append("</td><td>")
          .append(Html.number(v.testLoss(), 4))
          .append("</td><td>")
          .append(
              last == null || last.validationAccuracy() == null
                  ? "—"
                  : Html.percent(last.validationAccuracy(), 2))
          .append("</td><td>")
          .append(Html.minutes(v.trainingSeconds()))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table></div>\n")
        .append("<p class=\"note\">Validation accuracy is that of the last epoch, on training")
        .append(" images held out from training; the best test accuracy is in bold.</p>\n")
        .append("</section>\n");
  }

  /** Short sentences that say what the numbers show. */
  private List<String> findings() {
    List<String> findings = new ArrayList<>();
    VariantResult best =
        report.variants().stream()
            .max(Comparator.comparingDouble(VariantResult::testAccuracy))
            .orElseThrow();
    VariantResult worst =
        report.variants().stream()
            .min(Comparator.comparingDouble(VariantResult::testAccuracy))
            .orElseThrow();
    findings.add(
        "Test accuracy ranges from <strong>"
            + Html.percent(worst.testAccuracy(), 2)
            + "</strong> ("
            + Html.escape(worst.label())
            + ") to <strong>"
            + Html.percent(best.testAccuracy(), 2)
            + "</strong> ("
            + Html.escape(best.label())
            + "): "
            + Html.number(worst.misclassified(), 0)
            + " against "
            + Html.number(best.misclassified(), 0)
            + " misclassified images out of "
            + Html.number(report.testImages(), 0)
            + ".");
    VariantResult none = report.variant(Variant.NONE);
    VariantResult l1 = report.variant(Variant.L1);
    VariantResult l2 = report.variant(Variant.L2);
    VariantResult both = report.variant(Variant.L1_L2);
    findings.add(
        "L1 leaves <strong>"
            + Html.percent(l1.weights().nearZeroFraction(), 1)
            + "</strong> of the weights near zero (L1+L2: "
            + Html.percent(both.weights().nearZeroFraction(), 1)
            + "), against "
            + Html.percent(none.weights().nearZeroFraction(), 1)
            + " without penalties and "
            + Html.percent(l2.weights().nearZeroFraction(), 1)
            + " with L2 alone.");
    findings.add(
        "L2 shrinks the sum of squared weights Σw² from "
            + Html.significant(none.weights().squaredSum())
            + " to "
            + Html.significant(l2.weights().squaredSum())
            + "; L1 shrinks Σ|w| from "
            + Html.significant(none.weights().absoluteSum())
            + " to "
            + Html.significant(l1.weights().absoluteSum())
            + ".");
    MistakeOverlap overlap = report.overlap();
    int unique = overlap.uniqueTo().values().stream().mapToInt(List::size).sum();
    findings.add(
        Html.number(overlap.sharedByAll().size(), 0)
            + " test images are misclassified by all four variants, "
            + Html.number(unique, 0)
            + " by only one of them; "
            + Html.number(overlap.union().size(), 0)
            + " by at least one.");
    return findings;
  }

  private void curves() {
    out.append("<section id=\"curves\" aria-labelledby=\"curves-h\">\n")
        .append("<h2 id=\"curves-h\">Learning curves</h2>\n<ul class=\"legend\">");
    for (Variant variant : variants) {
      out.append("<li>").append(variantName(variant)).append("</li>");
    }
    out.append("<li class=\"variant\">")
        .append(Charts.lineKey(false))
        .append("training</li><li class=\"variant\">")
        .append(Charts.lineKey(true))
        .append("validation</li></ul>\n<div class=\"charts\">\n");
    figure(
        "Loss",
        Charts.lines(
            "chart-loss",
            "Loss per epoch",
            "Mean training loss (cross-entropy plus penalty) and validation cross-entropy of each"
                + " variant after each epoch.",
            series(EpochRecord::trainLoss, r -> nullable(r.validationLoss())),
            false),
        "The training loss includes the penalty term, so regularized variants sit higher.");
    figure(
        "Accuracy",
        Charts.lines(
            "chart-accuracy",
            "Accuracy per epoch",
            "Training accuracy (on augmented batches, with dropout) and validation accuracy of each"
                + " variant after each epoch.",
            series(EpochRecord::trainAccuracy, r -> nullable(r.validationAccuracy())),
            true),
        "Training accuracy is measured on distorted images with dropout on, so it sits below"
            + " validation accuracy.");
    List<Charts.Line> penalties = new ArrayList<>();
    for (Variant variant : variants) {
      penalties.add(
          new Charts.Line(variant, "penalty", false, values(variant, EpochRecord::penalty)));
    }
    figure(
        "Penalty term",
        Charts.lines(
            "chart-penalty",
            "Penalty term per epoch",
            "Mean of λ₁·Σ|w| + λ₂·Σw² over each epoch's batches, per variant.",
            penalties,
            false),
        "Mean of λ₁·Σ|w| + λ₂·Σw² over the epoch's batches; zero without penalties.");
    out.append("</div>\n</section>\n");
  }

  private void weights() {
    out.append("<section id=\"weights\" aria-labelledby=\"weights-h\">\n")
        .append("<h2 id=\"weights-h\">Weights</h2>\n")
        .append("<p class=\"note\">L1 pulls every weight towards zero by the same amount, so")
        .append(" weights the data does not need end up there; L2 pulls in proportion to the")
        .append(" weight, so it shrinks large weights but rarely makes one vanish. Every")
        .append(" convolution here is followed by batch normalization, which undoes any scaling of")
        .append(" its weights: the penalties can shrink them a long way without changing what the")
        .append(" network computes.</p>\n<div class=\"table-wrap\"><table>\n")
        .append("<caption>The penalized weights after training</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Variant</th><th scope=\"col\">Near-zero weights</th>")
        .append("<th scope=\"col\">Σ|w|</th><th scope=\"col\">Σw²</th>")
        .append("<th scope=\"col\">Penalty at the end</th></tr></thead>\n<tbody>\n");
    for (Variant variant : variants) {
      VariantResult v = report.variant(variant);
      out.append("<tr><th scope=\"row\">")
          .append(variantName(variant))
          .append("</th><td>")
          .append(Html.percent(v.weights().nearZeroFraction(), 1))
          .append("</td><td>")
          .append(Html.significant(v.weights().absoluteSum()))
          .append("</td><td>")
          .append(Html.significant(v.weights().squaredSum()))
          .append("</td><td>")
          .append(Html.significant(v.finalPenalty()))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table></div>\n<p class=\"note\">Near-zero weights: the share of")
        .append(" convolution and dense weights with |w| &lt; ")
        .append(Html.strength(report.nearZeroThreshold()))
        .append(" (biases and batch-norm parameters are not penalized and not counted). The")
        .append(" penalty at the end is λ₁·Σ|w| + λ₂·Σw² of the trained weights: the term the")
        .append(" variant adds to its loss.</p>\n<div class=\"narrow\">\n");
    List<Charts.Bar> bars = new ArrayList<>();
    for (Variant variant : variants) {
      bars.add(new Charts.Bar(variant, report.variant(variant).weights().nearZeroFraction()));
    }
    figure(
        "Near-zero weights",
        Charts.bars(
            "chart-sparsity",
            "Share of near-zero weights",
            "Share of convolution and dense weights with magnitude below "
                + Html.strength(report.nearZeroThreshold())
                + ", per variant.",
            bars),
        "Share of weights with |w| &lt; " + Html.strength(report.nearZeroThreshold()) + ".");
    out.append("</div>\n<h3>Weight magnitudes</h3>\n<div class=\"charts histograms\">\n");
    double maxShare = 0;
    for (VariantResult v : report.variants()) {
      long total = v.weights().count();
      for (long count : v.weights().histogramCounts()) {
        maxShare = Math.max(maxShare, total == 0 ? 0 : (double) count / total);
      }
    }
    for (Variant variant : variants) {
      VariantResult v = report.variant(variant);
      out.append("<figure>")
          .append(
              Charts.histogram(
                  "chart-histogram-" + variant.id(),
                  variant,
                  v.weights().histogramLowerBounds(),
                  v.weights().histogramCounts(),
                  maxShare,
                  report.nearZeroThreshold()))
          .append("</figure>\n");
    }
    out.append("</div>\n<p class=\"note\">Share of weights per quarter-decade of |w|, on the same")
        .append(" scale for all four. The leftmost bar also holds exact zeros and anything")
        .append(" smaller; everything left of the dashed line counts as near zero.</p>\n")
        .append("</section>\n");
  }

  private void confusion() {
    int maxOff = 1;
    for (VariantResult v : report.variants()) {
      for (int t = 0; t < 10; t++) {
        for (int p = 0; p < 10; p++) {
          if (t != p) {
            maxOff = Math.max(maxOff, v.confusion()[t][p]);
          }
        }
      }
    }
    out.append("<section id=\"confusion\" aria-labelledby=\"confusion-h\">\n")
        .append("<h2 id=\"confusion-h\">Confusion matrices</h2>\n")
        .append("<p class=\"note\">Rows are the true digits, columns the digits each model")
        .append(" answered. The diagonal holds the correct answers; the redder a cell off it, the")
        .append(" more often that mistake happened (one colour scale for all four).</p>\n")
        .append("<div class=\"matrices\">\n");
    for (Variant variant : variants) {
      VariantResult v = report.variant(variant);
      out.append("<div><div class=\"table-wrap\"><table class=\"confusion\">\n<caption>")
          .append(variantName(variant))
          .append(" — ")
          .append(Html.number(v.misclassified(), 0))
          .append(" mistakes</caption>\n<thead><tr><th class=\"corner\" scope=\"col\">")
          .append("true ↓ answer →</th>");
      for (int p = 0; p < 10; p++) {
        out.append("<th scope=\"col\">").append(p).append("</th>");
      }
      out.append("</tr></thead>\n<tbody>\n");
      for (int t = 0; t < 10; t++) {
        out.append("<tr><th scope=\"row\">").append(t).append("</th>");
        for (int p = 0; p < 10; p++) {
          int count = v.confusion()[t][p];
          String level =
              t == p ? "diag" : count == 0 ? "q0" : "q" + (1 + Math.min(7, 7 * count / maxOff));
          out.append("<td class=\"")
              .append(level)
              .append("\" title=\"true ")
              .append(t)
              .append(", answered ")
              .append(p)
              .append(": ")
              .append(count)
              .append("\">")
              .append(count == 0 && t != p ? "·" : Integer.toString(count))
              .append("</td>");
        }
        out.append("</tr>\n");
      }
      out.append(
              "</tbody></table></div>\n<ul class=\"pairs\" aria-label=\"Most frequent mistakes of ")
          .append(Html.escape(variant.label()))
          .append("\">");
      for (VariantResult.ConfusionPair pair : v.topConfusions()) {
        out.append("<li>")
            .append(pair.label())
            .append(" → ")
            .append(pair.predicted())
            .append(" ×")
            .append(pair.count())
            .append("</li>");
      }
      out.append("</ul></div>\n");
    }
    out.append("</div>\n</section>\n");
  }

  private void overlap() {
    MistakeOverlap overlap = report.overlap();
    out.append("<section id=\"overlap\" aria-labelledby=\"overlap-h\">\n")
        .append("<h2 id=\"overlap-h\">Shared mistakes</h2>\n")
        .append("<p class=\"note\">Do the variants fail on the same images? Each cell counts the")
        .append(" test images both variants misclassify; the diagonal is each variant's own")
        .append(" total.</p>\n<div class=\"overlap-grid\">\n<div class=\"table-wrap\">")
        .append("<table class=\"overlap\"><caption>Images both get wrong</caption>\n<thead><tr>")
        .append("<td></td>");
    for (Variant variant : variants) {
      out.append("<th scope=\"col\">").append(variantName(variant)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (Variant row : variants) {
      out.append("<tr><th scope=\"row\">").append(variantName(row)).append("</th>");
      for (Variant col : variants) {
        int count =
            row == col ? report.variant(row).misclassified() : overlap.shared(row.id(), col.id());
        out.append(row == col ? "<td class=\"self\">" : "<td>").append(count).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div>\n<div class=\"table-wrap\"><table>")
        .append("<caption>How many variants get an image wrong</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Misclassified by</th><th scope=\"col\">Test images</th></tr>")
        .append("</thead>\n<tbody>\n");
    int[] exactly = overlap.wrongInExactly();
    for (int k = exactly.length - 1; k >= 0; k--) {
      String by =
          k == exactly.length - 1 ? "all " + k : k == 0 ? "none (all correct)" : "exactly " + k;
      out.append("<tr><th scope=\"row\">")
          .append(by)
          .append("</th><td>")
          .append(Html.number(exactly[k], 0))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table></div>\n<div class=\"table-wrap\"><table>")
        .append("<caption>Mistakes only one variant makes</caption>\n<thead><tr>")
        .append("<th scope=\"col\">Variant</th><th scope=\"col\">Unique mistakes</th></tr>")
        .append("</thead>\n<tbody>\n");
    for (Variant variant : variants) {
      out.append("<tr><th scope=\"row\">")
          .append(variantName(variant))
          .append("</th><td>")
          .append(overlap.uniqueTo().get(variant.id()).size())
          .append("</td></tr>\n");
    }
    out.append("</tbody></table></div>\n</div>\n</section>\n");
  }

  private void gallery() {
    Map<String, Map<Integer, Mistake>> byVariant = new HashMap<>();
    for (VariantResult v : report.variants()) {
      Map<Integer, Mistake> mistakes = new HashMap<>();
      v.mistakes().forEach(m -> mistakes.put(m.index(), m));
      byVariant.put(v.id(), mistakes);
    }
    Function<Integer, Long> timesWrong =
        index -> byVariant.values().stream().filter(m -> m.containsKey(index)).count();
    List<Integer> images = new ArrayList<>(report.overlap().union());
    images.sort(
        Comparator.comparing(timesWrong).reversed().thenComparing(Comparator.naturalOrder()));

    out.append("<section id=\"gallery\" aria-labelledby=\"gallery-h\">\n")
        .append("<h2 id=\"gallery-h\">Misclassified digits</h2>\n")
        .append("<p class=\"note\">Every test image at least one variant gets wrong, with each")
        .append(" variant's answer and its confidence (✓ where it answers correctly). Images")
        .append(" every variant gets wrong come first.</p>\n")
        .append("<form id=\"gallery-filters\" class=\"filters\" hidden>\n")
        .append("<fieldset><legend>Variant</legend>")
        .append(radio("variant", "all", "any", images.size(), true));
    for (Variant variant : variants) {
      out.append(
          radio(
              "variant",
              variant.id(),
              variant.label(),
              report.variant(variant).misclassified(),
              false));
    }
    out.append("</fieldset>\n<fieldset><legend>Mistakes</legend>")
        .append(radio("scope", "any", "all", -1, true))
        .append(
            radio(
                "scope",
                "shared",
                "shared by all four",
                report.overlap().sharedByAll().size(),
                false))
        .append(radio("scope", "unique", "made by this variant alone", -1, false))
        .append("</fieldset>\n</form>\n")
        .append("<p id=\"gallery-status\" class=\"status\" role=\"status\" aria-live=\"polite\">")
        .append(Html.number(images.size(), 0))
        .append(
            " misclassified test images.</p>\n<ul id=\"gallery-grid\" class=\"gallery\" data-variants=\"")
        .append(variants.size())
        .append("\">\n");
    for (int index : images) {
      int label = test.label(index);
      StringBuilder wrongIds = new StringBuilder();
      StringBuilder calls = new StringBuilder();
      for (Variant variant : variants) {
        Mistake mistake = byVariant.get(variant.id()).get(index);
        calls.append("<li class=\"v-").append(variant.id());
        if (mistake == null) {
          calls
              .append("\"><span>")
              .append(Html.escape(variant.label()))
              .append("</span><span class=\"right\">✓</span></li>");
        } else {
          wrongIds.append(wrongIds.length() == 0 ? "" : " ").append(variant.id());
          calls
              .append(" wrong\"><span>")
              .append(Html.escape(variant.label()))
              .append("</span><span>→ ")
              .append(mistake.predicted())
              .append(" · ")
              .append(Html.percent(mistake.confidence(), 0))
              .append("</span></li>");
        }
      }
      out.append("<li class=\"card\" data-wrong=\"")
          .append(wrongIds)
          .append("\"><div class=\"card-top\"><img src=\"")
          .append(pngDataUrl(test.images(), index))
          .append("\" width=\"28\" height=\"28\" alt=\"Test image ")
          .append(index)
          .append(", a handwritten ")
          .append(label)
          .append("\"><div class=\"truth\"><b>")
          .append(label)
          .append("</b>true digit<br>#")
          .append(index)
          .append("</div></div><ul class=\"calls\">")
          .append(calls)
          .append("</ul></li>\n");
    }
    out.append("</ul>\n</section>\n");
  }

  private void footer() {
    out.append("<footer><p>Made by <code>digits study</code>. All numbers are in")
        .append(" <code>study.json</code> next to this page; the four models are")
        .append(" <code>none.model</code>, <code>l1.model</code>, <code>l2.model</code> and")
        .append(" <code>l1-l2.model</code> (try them with <code>digits evaluate</code> or")
        .append(" <code>digits info</code>).</p></footer>\n");
  }

  private List<Charts.Line> series(
      ToDoubleFunction<EpochRecord> training, ToDoubleFunction<EpochRecord> validation) {
    List<Charts.Line> lines = new ArrayList<>();
    for (Variant variant : variants) {
      lines.add(new Charts.Line(variant, "training", false, values(variant, training)));
      lines.add(new Charts.Line(variant, "validation", true, values(variant, validation)));
    }
    return lines;
  }

  private double[] values(Variant variant, ToDoubleFunction<EpochRecord> metric) {
    return report.variant(variant).history().stream().mapToDouble(metric).toArray();
  }

  private static double nullable(Double value) {
    return value == null ? Double.NaN : value;
  }

  private void figure(String heading, String svg, String caption) {
    out.append("<figure><h3>")
        .append(heading)
        .append("</h3>")
        .append(svg)
        .append("<figcaption>")
        .append(caption)
        .append("</figcaption></figure>\n");
  }

  private void fact(String term, String value) {
    out.append("<div><dt>")
        .append(Html.escape(term))
        .append("</dt><dd>")
        .append(Html.escape(value))
        .append("</dd></div>\n");
  }

  private static String variantName(Variant variant) {
    return "<span class=\"variant v-"
        + variant.id()
        + "\">"
        + Charts.key(variant)
        + Html.escape(variant.label())
        + "</span>";
  }

  private static String radio(
      String group, String value, String label, int count, boolean checked) {
    return "<label><input type=\"radio\" name=\""
        + group
        + "\" value=\""
        + value
        + "\""
        + (checked ? " checked" : "")
        + "> "
        + Html.escape(label)
        + (count >= 0 ? " (" + count + ")" : "")
        + "</label>";
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

  /** A test image as a PNG data URL, dark ink on white like a drawing. */
  private static String pngDataUrl(IdxImages images, int index) {
    int size = images.imageSize();
    byte[] grey = new byte[size];
    for (int i = 0; i < size; i++) {
      grey[i] = (byte) (255 - (images.pixels()[index * size + i] & 0xFF));
    }
    return "data:image/png;base64,"
        + Base64.getEncoder()
            .encodeToString(GreyPngEncoder.encode(grey, images.cols(), images.rows()));
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream("/study/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the class path: /study/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
