package dev.digits.study;

import dev.digits.model.ModelMetadata.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The report's charts, drawn by {@link Charts} from the report's figures: learning curves, the
 * penalty term, the share of near-zero weights, and one histogram of weight magnitudes per variant.
 */
final class ReportCharts {
  private final StudyReport report;
  private final List<Variant> variants = List.of(Variant.values());

  ReportCharts(StudyReport report) {
    this.report = report;
  }

  String lossChart() {
    return Charts.lines(
        "chart-loss",
        "Loss per epoch",
        "Mean training loss (cross-entropy plus penalty) and validation cross-entropy of each"
            + " variant after each epoch.",
        series(EpochRecord::trainLoss, r -> nullable(r.validationLoss())),
        false);
  }

  String accuracyChart() {
    return Charts.lines(
        "chart-accuracy",
        "Accuracy per epoch",
        "Training accuracy (on augmented batches, with dropout) and validation accuracy of each"
            + " variant after each epoch.",
        series(EpochRecord::trainAccuracy, r -> nullable(r.validationAccuracy())),
        true);
  }

  String penaltyChart() {
    List<Charts.Line> penalties = new ArrayList<>();
    for (Variant variant : variants) {
      penalties.add(
          new Charts.Line(variant, "penalty", false, values(variant, EpochRecord::penalty)));
    }
    return Charts.lines(
        "chart-penalty",
        "Penalty term per epoch",
        "Mean of λ₁·Σ|w| + λ₂·Σw² over each epoch's batches, per variant.",
        penalties,
        false);
  }

  String sparsityChart(String nearZero) {
    List<Charts.Bar> bars = new ArrayList<>();
    for (Variant variant : variants) {
      bars.add(new Charts.Bar(variant, report.variant(variant).weights().nearZeroFraction()));
    }
    return Charts.bars(
        "chart-sparsity",
        "Share of near-zero weights",
        "Share of convolution and dense weights with magnitude below "
            + nearZero
            + ", per variant.",
        bars);
  }

  /** One histogram of weight magnitudes per variant, all four on the same scale. */
  String histograms() {
    double maxShare = 0;
    for (VariantResult v : report.variants()) {
      long total = v.weights().count();
      for (long count : v.weights().histogramCounts()) {
        maxShare = Math.max(maxShare, total == 0 ? 0 : (double) count / total);
      }
    }
    StringBuilder out = new StringBuilder();
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
    return out.toString();
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
}
