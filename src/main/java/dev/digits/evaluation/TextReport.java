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
        "Accuracy:  %.2f%% (%,d/%,d, %d mistakes)   mean loss %.4f%n%n",
        100 * summary.accuracy(),
        summary.correct(),
        summary.count(),
        summary.totalMistakes(),
        summary.meanLoss());

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
  }
}
