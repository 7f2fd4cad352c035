package dev.digits.evaluation;

import java.io.PrintStream;
import java.util.Locale;

/** Prints an evaluation as readable tables for a terminal. */
public final class TextReport {
  private TextReport() {}

  /** Writes {@code summary} to {@code out}. */
  public static void print(EvaluationSummary summary, PrintStream out) {
    out.printf(Locale.ROOT, "Model:     %s (%s)%n", summary.model(), summary.architecture());
    out.printf(Locale.ROOT, "Data:      %s, %,d images%n", summary.dataset(), summary.count());
    out.printf(
        Locale.ROOT,
        "Accuracy:  %.2f%% (%,d/%,d, %d mistakes)   mean loss %.4f%n",
        100 * summary.accuracy(),
        summary.correct(),
        summary.count(),
        summary.totalMistakes(),
        summary.meanLoss());
    if (summary.decisions() != null) {
      DeclineSummary.DigitSet decisions = summary.decisions();
      out.printf(
          Locale.ROOT,
          "Declined:  %.2f%% (%,d)   accuracy counting declines as mistakes %.2f%%%s%n",
          100 * decisions.declinedShare(),
          Math.round(decisions.declinedShare() * decisions.count()),
          100 * decisions.acceptedAccuracy(),
          reasons(decisions.byReason()));
    }
    if (summary.calibration() != null) {
      CalibrationSummary calibration = summary.calibration();
      out.printf(
          Locale.ROOT,
          "Calibration: temperature %.3f, expected calibration error %.2f%% before, %.2f%%"
              + " after (%d bins)%n",
          calibration.temperature(),
          100 * calibration.eceBefore(),
          100 * calibration.eceAfter(),
          Calibrations.ECE_BINS);
    }
    out.println();

    out.println("digit  support  precision  recall      F1");
    for (EvaluationResult.ClassScores s : summary.perClass()) {
      out.printf(
          Locale.ROOT,
          "%5d  %7d  %8.2f%%  %6.2f%%  %6.2f%%%n",
          s.digit(),
          s.support(),
          100 * s.precision(),
          100 * s.recall(),
          100 * s.f1());
    }

    out.println();
    out.println("Confusion matrix (rows: true digit, columns: predicted digit)");
    out.print("     ");
    for (int d = 0; d < 10; d++) {
      out.printf(Locale.ROOT, "%6d", d);
    }
    out.println();
    int[][] confusion = summary.confusion();
    for (int row = 0; row < 10; row++) {
      out.printf(Locale.ROOT, "%5d", row);
      for (int col = 0; col < 10; col++) {
        out.printf(
            Locale.ROOT, "%6s", confusion[row][col] == 0 && row != col ? "·" : confusion[row][col]);
      }
      out.println();
    }

    if (!summary.mistakes().isEmpty()) {
      out.println();
      out.printf(
          Locale.ROOT,
          "The %d most confident mistakes (of %d)%n",
          summary.mistakes().size(),
          summary.totalMistakes());
      out.println("  index  true  predicted  confidence  p(true)");
      for (EvaluationResult.Mistake m : summary.mistakes()) {
        out.printf(
            Locale.ROOT,
            "  %5d  %4d  %9d  %9.2f%%  %6.2f%%%n",
            m.index(),
            m.label(),
            m.predicted(),
            100 * m.confidence(),
            100 * m.labelProbability());
      }
    }
    if (summary.pen() != null) {
      printPen(summary.pen(), out);
    }
    if (summary.declines() != null) {
      printDeclines(summary.declines(), out);
    }
  }

  private static void printPen(PenSummary pen, PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "Pen digits: %s, %,d drawings (each digit drawn %d×, seed %d)%n",
        pen.source(),
        pen.count(),
        pen.renders(),
        pen.seed());
    out.printf(
        Locale.ROOT,
        "  accuracy %.2f%%, counting declines as mistakes %.2f%% (%.2f%% declined)%n",
        100 * pen.accuracy(),
        100 * pen.acceptedAccuracy(),
        100 * pen.declinedShare());
    out.println("  writer  drawings  accuracy  with declines");
    for (PenSummary.WriterScore writer : pen.writers()) {
      out.printf(
          Locale.ROOT,
          "  %6d  %8d  %7.2f%%  %12.2f%%%n",
          writer.writer(),
          writer.count(),
          100 * writer.accuracy(),
          100 * writer.acceptedAccuracy());
    }
  }

  private static void printDeclines(DeclineSummary declines, PrintStream out) {
    DeclineSummary.Rule rule = declines.rule();
    out.println();
    out.printf(
        Locale.ROOT,
        "Declining (temperature %.3f, %s %.4f, unsure below %.4f; drawings of seed %d)%n",
        rule.temperature(),
        rule.declineOutputs() ? "decline at" : "not a digit below",
        rule.declineThreshold(),
        rule.unsureThreshold(),
        declines.seed());
    out.println(
        "  real digits                                  count  declined  right, declines wrong");
    for (DeclineSummary.DigitSet set : declines.digits()) {
      out.printf(
          Locale.ROOT,
          "  %-42s %7d  %7.2f%%  %8.2f%%%s%n",
          set.name(),
          set.count(),
          100 * set.declinedShare(),
          100 * set.acceptedAccuracy(),
          reasons(set.byReason()));
    }
    out.println("  not one digit                                count  declined");
    for (DeclineSummary.KindScore kind : declines.nonDigits()) {
      out.printf(
          Locale.ROOT,
          "  %-42s %7d  %7.2f%%%s%n",
          kind.description(),
          kind.count(),
          100 * kind.declinedShare(),
          reasons(kind.byReason()));
    }
    out.printf(Locale.ROOT, "  AUROC, digits against non-digits: %.4f%n", declines.auroc());
  }

  private static String reasons(java.util.Map<dev.digits.model.Decision.Reason, Integer> byReason) {
    if (byReason.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("  (");
    for (dev.digits.model.Decision.Reason reason : dev.digits.model.Decision.Reason.values()) {
      Integer count = byReason.get(reason);
      if (count != null) {
        text.append(text.length() > 3 ? ", " : "").append(reason.id()).append(' ').append(count);
      }
    }
    return text.append(')').toString();
  }
}
