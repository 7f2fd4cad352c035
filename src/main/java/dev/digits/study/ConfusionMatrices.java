package dev.digits.study;

import dev.digits.io.Html;

/**
 * The four variants' confusion matrices as tables, their cells shaded on one scale for all four,
 * each followed by the variant's most frequent mistakes.
 */
final class ConfusionMatrices {
  /** Shades of a mistake cell: q1 for the rarest to q8 for the most frequent, q0 for none. */
  private static final int SHADES = 7;

  private ConfusionMatrices() {}

  static String render(StudyReport report) {
    int mostFrequentMistake = mostFrequentMistake(report);
    StringBuilder out = new StringBuilder();
    for (Variant variant : Variant.values()) {
      matrix(out, variant, report.variant(variant), mostFrequentMistake);
    }
    return out.toString();
  }

  private static void matrix(
      StringBuilder out, Variant variant, VariantResult v, int mostFrequentMistake) {
    out.append("<div><div class=\"table-wrap\"><table class=\"confusion\">\n<caption>")
        .append(ReportPage.variantName(variant))
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
        out.append("<td class=\"")
            .append(shade(t, p, count, mostFrequentMistake))
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

  private static String shade(int truth, int answer, int count, int mostFrequentMistake) {
    if (truth == answer) {
      return "diag";
    }
    return count == 0 ? "q0" : "q" + (1 + Math.min(SHADES, SHADES * count / mostFrequentMistake));
  }

  private static int mostFrequentMistake(StudyReport report) {
    int most = 1;
    for (VariantResult v : report.variants()) {
      for (int t = 0; t < 10; t++) {
        for (int p = 0; p < 10; p++) {
          if (t != p) {
            most = Math.max(most, v.confusion()[t][p]);
          }
        }
      }
    }
    return most;
  }
}
