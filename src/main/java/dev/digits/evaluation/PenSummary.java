package dev.digits.evaluation;

import java.util.List;

/**
 * How a model reads pen digits of real writers, replayed on the page's canvas: overall and writer
 * by writer, with declines counted as mistakes as a user meets them.
 *
 * @param source the pen-digit file
 * @param renders times each digit was drawn (in random styles)
 * @param seed the seed of those styles
 * @param count drawings
 * @param accuracy share whose best guess is right
 * @param acceptedAccuracy share accepted and right: declines count as mistakes
 * @param declinedShare share declined
 * @param writers the same, writer by writer
 */
public record PenSummary(
    String source,
    int renders,
    long seed,
    int count,
    double accuracy,
    double acceptedAccuracy,
    double declinedShare,
    List<WriterScore> writers) {

  /**
   * One writer's figures.
   *
   * @param writer the writer's number in the file
   * @param count drawings of the writer's digits
   * @param accuracy share whose best guess is right
   * @param acceptedAccuracy share accepted and right
   */
  public record WriterScore(int writer, int count, double accuracy, double acceptedAccuracy) {}
}
