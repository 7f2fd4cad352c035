package dev.digits.evaluation;

import dev.digits.io.Html;
import java.util.Locale;

/**
 * The report's sections on trust: the reliability diagram before and after calibration, what the
 * decision rule declines, pen digits writer by writer, and the decline study. Markup only; the
 * report's stylesheet draws them.
 */
final class TrustSections {
  private static final int PLOT = 240;
  private static final int MARGIN = 32;

  private TrustSections() {}

  /** The calibration section: temperature, error before and after, two reliability diagrams. */
  static void calibration(StringBuilder html, CalibrationSummary calibration) {
    html.append("<section id=\"calibration\"><h2>Calibration</h2>\n<p>")
        .append(
            String.format(
                Locale.ROOT,
                "Temperature %.3f. Expected calibration error (%d bins): %s before, %s after.",
                calibration.temperature(),
                Calibrations.ECE_BINS,
                Html.percent(calibration.eceBefore()),
                Html.percent(calibration.eceAfter())))
        .append(
            " A well calibrated model's bars reach the diagonal: of the digits it gives a"
                + " confidence p, a share p are right.</p>\n<div class=\"reliability\">\n")
        .append(diagram("Before calibration (temperature 1)", calibration.reliabilityBefore()))
        .append(
            diagram(
                String.format(
                    Locale.ROOT, "After calibration (temperature %.3f)", calibration.temperature()),
                calibration.reliability()))
        .append("</div>\n</section>\n");
  }

  /** One reliability diagram as inline SVG, with a table of its bins for screen readers. */
  static String diagram(String title, Reliability reliability) {
    StringBuilder svg = new StringBuilder();
    int size = PLOT + 2 * MARGIN;
    svg.append("<figure class=\"diagram\"><svg viewBox=\"0 0 ")
        .append(size)
        .append(' ')
        .append(size)
        .append("\" width=\"")
        .append(size)
        .append("\" height=\"")
        .append(size)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(title))
        .append(": accuracy against confidence\">\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"plot\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
            MARGIN,
            MARGIN,
            PLOT,
            PLOT));
    double width = (double) PLOT / reliability.bins().size();
    for (int b = 0; b < reliability.bins().size(); b++) {
      Reliability.Bin bin = reliability.bins().get(b);
      if (bin.count() == 0) {
        continue;
      }
      double height = bin.accuracy() * PLOT;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s–%s:"
                  + " %s right of %s, mean confidence %s</title></rect>\n",
              MARGIN + b * width + 1,
              MARGIN + PLOT - height,
              width - 2,
              height,
              Html.percent(bin.from(), 1),
              Html.percent(bin.to(), 1),
              Html.percent(bin.accuracy(), 1),
              Html.count(bin.count()),
              Html.percent(bin.meanConfidence(), 1)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"ideal\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
            MARGIN,
            MARGIN + PLOT,
            MARGIN + PLOT,
            MARGIN));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"axis\">confidence →</text>\n"
                + "<text x=\"%d\" y=\"%d\" class=\"axis\" transform=\"rotate(-90 %d %d)\">"
                + "accuracy →</text>\n",
            MARGIN,
            size - 8,
            14,
            MARGIN + PLOT,
            14,
            MARGIN + PLOT));
    svg.append("</svg>\n<figcaption>").append(Html.escape(title)).append("</figcaption>\n");
    svg.append("<details><summary>The bins as a table</summary>\n<table>\n")
        .append(
            "<thead><tr><th scope=\"col\">Confidence</th><th scope=\"col\">Digits</th>"
                + "<th scope=\"col\">Mean confidence</th><th scope=\"col\">Accuracy</th></tr>"
                + "</thead>\n<tbody>\n");
    for (Reliability.Bin bin : reliability.bins()) {
      if (bin.count() == 0) {
        continue;
      }
      svg.append("<tr><th scope=\"row\">")
          .append(Html.percent(bin.from(), 1))
          .append("–")
          .append(Html.percent(bin.to(), 1))
          .append("</th><td>")
          .append(Html.count(bin.count()))
          .append("</td><td>")
          .append(Html.percent(bin.meanConfidence()))
          .append("</td><td>")
          .append(Html.percent(bin.accuracy()))
          .append("</td></tr>\n");
    }
    svg.append("</tbody>\n</table>\n</details>\n</figure>\n");
    return svg.toString();
  }

  /** What the decision rule did on the evaluated set. */
  static void decisions(StringBuilder html, DeclineSummary.DigitSet decisions) {
    html.append("<section id=\"decisions\"><h2>Declines</h2>\n<p>")
        .append(Html.count(Math.round(decisions.declinedShare() * decisions.count())))
        .append(" of ")
        .append(Html.count(decisions.count()))
        .append(" images declined (")
        .append(Html.percent(decisions.declinedShare()))
        .append("). Counting every decline as a mistake, the accuracy is ")
        .append(Html.percent(decisions.acceptedAccuracy()))
        .append(".</p>\n</section>\n");
  }

  /** Pen digits, overall and writer by writer. */
  static void pen(StringBuilder html, PenSummary pen) {
    html.append("<section id=\"pen\"><h2>Pen digits of real writers</h2>\n<p>")
        .append(Html.escape(pen.source()))
        .append(": ")
        .append(Html.count(pen.count()))
        .append(" drawings, accuracy ")
        .append(Html.percent(pen.accuracy()))
        .append(", ")
        .append(Html.percent(pen.acceptedAccuracy()))
        .append(" counting declines as mistakes.</p>\n")
        .append(
            "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Pen digits by writer\">")
        .append("<table>\n<thead><tr><th scope=\"col\">Writer</th><th scope=\"col\">Drawings</th>")
        .append("<th scope=\"col\">Accuracy</th><th scope=\"col\">Declines as mistakes</th></tr>")
        .append("</thead>\n<tbody>\n");
    for (PenSummary.WriterScore writer : pen.writers()) {
      html.append("<tr><th scope=\"row\">")
          .append(writer.writer())
          .append("</th><td>")
          .append(Html.count(writer.count()))
          .append("</td><td>")
          .append(Html.percent(writer.accuracy()))
          .append("</td><td>")
          .append(Html.percent(writer.acceptedAccuracy()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table></div>\n</section>\n");
  }

  /** The decline study: real digits declined, non-digits declined kind by kind, AUROC. */
  static void declines(StringBuilder html, DeclineSummary declines) {
    html.append("<section id=\"declining\"><h2>Declining</h2>\n<p>")
        .append(
            String.format(
                Locale.ROOT,
                "Temperature %.3f; %s %.4f; unsure below %.4f. AUROC of digits against"
                    + " non-digits: %.4f. Drawings of seed %d.",
                declines.rule().temperature(),
                declines.rule().declineOutputs()
                    ? "declined when not one digit with probability ≥"
                    : "declined as not a digit below a best probability of",
                declines.rule().declineThreshold(),
                declines.rule().unsureThreshold(),
                declines.auroc(),
                declines.seed()))
        .append("</p>\n<table>\n<thead><tr><th scope=\"col\">Real digits</th>")
        .append("<th scope=\"col\">Count</th><th scope=\"col\">Declined</th>")
        .append("<th scope=\"col\">Declines as mistakes</th></tr></thead>\n<tbody>\n");
    for (DeclineSummary.DigitSet set : declines.digits()) {
      html.append("<tr><th scope=\"row\">")
          .append(Html.escape(set.name()))
          .append("</th><td>")
          .append(Html.count(set.count()))
          .append("</td><td>")
          .append(Html.percent(set.declinedShare()))
          .append("</td><td>")
          .append(Html.percent(set.acceptedAccuracy()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n<table>\n<thead><tr><th scope=\"col\">Not one digit</th>")
        .append("<th scope=\"col\">Count</th><th scope=\"col\">Declined</th></tr></thead>\n")
        .append("<tbody>\n");
    for (DeclineSummary.KindScore kind : declines.nonDigits()) {
      html.append("<tr><th scope=\"row\">")
          .append(Html.escape(kind.description()))
          .append("</th><td>")
          .append(Html.count(kind.count()))
          .append("</td><td>")
          .append(Html.percent(kind.declinedShare()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }
}
