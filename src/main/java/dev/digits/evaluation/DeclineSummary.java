package dev.digits.evaluation;

import dev.digits.corpus.NonDigitKind;
import dev.digits.model.Decision;
import java.util.List;
import java.util.Map;

/**
 * How well a model declines: how often it declines real digits (which it should not) and drawings
 * that are not one digit (which it should), kind by kind, and how well its decline score tells the
 * two apart.
 *
 * @param rule the thresholds the decisions were made with
 * @param digits real digits: each set, its size, the share declined and the accuracy counting
 *     declines as mistakes
 * @param nonDigits generated non-digits, kind by kind; held-out kinds were never trained on
 * @param auroc area under the ROC curve of the decline score, all digits against all non-digits
 * @param seed the seed the generated drawings were made with
 */
public record DeclineSummary(
    Rule rule, List<DigitSet> digits, List<KindScore> nonDigits, double auroc, long seed) {

  /**
   * The decision rule's thresholds.
   *
   * @param temperature logits are divided by this
   * @param declineThreshold see {@code DecisionRule}
   * @param unsureThreshold see {@code DecisionRule}
   * @param declineOutputs whether the network has decline outputs
   */
  public record Rule(
      double temperature,
      double declineThreshold,
      double unsureThreshold,
      boolean declineOutputs) {}

  /**
   * Real digits.
   *
   * @param name what they are
   * @param count how many
   * @param declinedShare share declined
   * @param acceptedAccuracy share accepted and read correctly
   * @param byReason declines by reason
   */
  public record DigitSet(
      String name,
      int count,
      double declinedShare,
      double acceptedAccuracy,
      Map<Decision.Reason, Integer> byReason) {

    static DigitSet of(String name, Declines declines) {
      return new DigitSet(
          name,
          declines.count(),
          declines.declinedShare(),
          declines.acceptedAccuracy(),
          declines.byReason());
    }
  }

  /**
   * One kind of non-digit.
   *
   * @param kind its name
   * @param description a few words
   * @param heldOut whether it was never trained on
   * @param count drawings generated
   * @param declinedShare share declined
   * @param byReason declines by reason
   */
  public record KindScore(
      String kind,
      String description,
      boolean heldOut,
      int count,
      double declinedShare,
      Map<Decision.Reason, Integer> byReason) {

    static KindScore of(NonDigitKind kind, Declines declines) {
      return new KindScore(
          kind.id(),
          kind.description(),
          kind.heldOut(),
          declines.count(),
          declines.declinedShare(),
          declines.byReason());
    }
  }
}
