package dev.digits.study;

import dev.digits.model.WeightStatistics;
import java.time.Instant;
import java.util.List;

/**
 * The study's results, written as {@code study.json} and rendered as its report page.
 *
 * @param formatVersion version of this layout
 * @param createdAt ISO-8601 instant the report was made
 * @param plan the shared recipe and the penalty strengths
 * @param nearZeroThreshold below this magnitude a weight counts as near zero
 * @param trainingImages images each variant trained on
 * @param validationImages images held out for validation
 * @param testImages test images each variant was evaluated on
 * @param variants the four variants: none, L1, L2, L1+L2
 * @param overlap how their mistakes overlap
 */
public record StudyReport(
    int formatVersion,
    String createdAt,
    StudyPlan plan,
    double nearZeroThreshold,
    int trainingImages,
    int validationImages,
    int testImages,
    List<VariantResult> variants,
    MistakeOverlap overlap) {

  /** The current layout of {@code study.json}. */
  public static final int FORMAT_VERSION = 1;

  static StudyReport of(
      StudyPlan plan,
      int trainingImages,
      int validationImages,
      List<VariantResult> variants,
      int testImages) {
    return new StudyReport(
        FORMAT_VERSION,
        Instant.now().toString(),
        plan,
        WeightStatistics.NEAR_ZERO,
        trainingImages,
        validationImages,
        testImages,
        List.copyOf(variants),
        MistakeOverlap.of(variants, testImages));
  }

  /** The result of one variant. */
  public VariantResult variant(Variant variant) {
    return variants.stream()
        .filter(v -> v.id().equals(variant.id()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no variant " + variant.id()));
  }
}
