package dev.digits.evaluation;

import dev.digits.io.Html;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The confusion matrix as an HTML table coloured like a heat map, with its legend.
 *
 * <p>Two scales, because one would hide what matters: the diagonal holds about a thousand images
 * per digit and the mistakes a handful, so on a shared scale every mistake would look blank.
 * Correct cells are shaded by the share of their row; mistake cells by their count relative to the
 * largest mistake cell, on a square-root scale so that a single mistake stays visible. A table
 * rather than a picture keeps every count readable by screen readers, with row and column headers.
 */
final class ConfusionHeatMap {
  /** The faintest shade a non-empty mistake cell gets. */
  private static final double MIN_MISTAKE_SHADE = 0.15;

  /**
   * From this shade on, the cell's text takes the contrasting colour (white on the light page, dark
   * on the dark one); below it the page's own text colour reads better.
   */
  private static final double CONTRAST_TEXT_FROM = 0.8;

  private ConfusionHeatMap() {}

  /**
   * The table and its legend.
   *
   * @param confusion {@code confusion[true][predicted]} counts
   * @param linkMistakes link each mistake cell to the gallery group of its true digit
   */
  static String render(int[][] confusion, boolean linkMistakes) {
    int maxMistakes = 1;
    for (int row = 0; row < 10; row++) {
      for (int col = 0; col < 10; col++) {
        if (row != col) {
          maxMistakes = Math.max(maxMistakes, confusion[row][col]);
        }
      }
    }
    StringBuilder html = new StringBuilder(16_384);
    html.append("<table class=\"confusion\">\n")
        .append("<caption>Rows: the true digit. Columns: the digit the model chose.</caption>\n")
        .append("<thead><tr><td class=\"blank\"></td>")
        .append("<th scope=\"colgroup\" colspan=\"10\">predicted</th></tr>\n")
        .append("<tr><th scope=\"col\" class=\"corner\">true</th>");
    for (int col = 0; col < 10; col++) {
      html.append("<th scope=\"col\">").append(col).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (int row = 0; row < 10; row++) {
      int rowTotal = 0;
      for (int col = 0; col < 10; col++) {
        rowTotal += confusion[row][col];
      }
      html.append("<tr><th scope=\"row\">").append(row).append("</th>");
      for (int col = 0; col < 10; col++) {
        html.append(cell(row, col, confusion[row][col], rowTotal, maxMistakes, linkMistakes));
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    html.append(legend(maxMistakes));
    return html.toString();
  }

  private static String cell(
      int row, int col, int count, int rowTotal, int maxMistakes, boolean link) {
    boolean correct = row == col;
    double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
    String label =
        String.format(
            Locale.ROOT,
            "true %d, predicted %d: %s of %s images (%s of the row)",
            row,
            col,
            Html.count(count),
            Html.count(rowTotal),
            Html.percent(share, 1));
    if (count == 0 && !correct) {
      return "<td class=\"empty\" title=\"" + label + "\" aria-label=\"" + label + "\">·</td>";
    }
    double shade =
        correct
            ? share
            : MIN_MISTAKE_SHADE + (1 - MIN_MISTAKE_SHADE) * Math.sqrt((double) count / maxMistakes);
    String classes = (correct ? "hit" : "miss") + (shade >= CONTRAST_TEXT_FROM ? " strong" : "");
    String content =
        link && !correct
            ? "<a href=\"#true-" + row + "\">" + Html.count(count) + "</a>"
            : Html.count(count);
    return String.format(
        Locale.ROOT,
        "<td class=\"%s\" style=\"--shade:%.3f\" title=\"%s\" aria-label=\"%s\">%s</td>",
        classes,
        shade,
        label,
        label,
        content);
  }

  /**
   * The {@code limit} most frequent confusions as a list, e.g. "7 read as 3: 27 times"; empty when
   * there are no mistakes.
   */
  static String topConfusions(int[][] confusion, int limit) {
    List<int[]> pairs = new ArrayList<>();
    for (int row = 0; row < 10; row++) {
      for (int col = 0; col < 10; col++) {
        if (row != col && confusion[row][col] > 0) {
          pairs.add(new int[] {row, col, confusion[row][col]});
        }
      }
    }
    if (pairs.isEmpty()) {
      return "";
    }
    pairs.sort(Comparator.comparingInt((int[] pair) -> pair[2]).reversed());
    StringBuilder html =
        new StringBuilder("<div class=\"top-confusions\"><h3>Most frequent confusions</h3><ol>");
    for (int[] pair : pairs.subList(0, Math.min(limit, pairs.size()))) {
      html.append(
          String.format(
              Locale.ROOT,
              "<li><b>%d</b> read as <b class=\"predicted\">%d</b>: %s %s</li>",
              pair[0],
              pair[1],
              Html.count(pair[2]),
              pair[2] == 1 ? "time" : "times"));
    }
    return html.append("</ol></div>\n").toString();
  }

  private static String legend(int maxMistakes) {
    return "<div class=\"legend\">"
        + "<span class=\"legend-item\">correct: share of the row "
        + "<span class=\"ramp hit-ramp\"></span> 0% → 100%</span>"
        + "<span class=\"legend-item\">mistakes: count "
        + "<span class=\"ramp miss-ramp\"></span> 1 → "
        + Html.count(maxMistakes)
        + "</span><span class=\"legend-item\"><span class=\"dot\">·</span> none</span></div>\n";
  }
}
