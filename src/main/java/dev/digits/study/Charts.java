package dev.digits.study;

import dev.digits.io.Html;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG. Colours come from the page's style sheet through each
 * variant's class, so the charts follow light and dark mode; every variant also has its own marker
 * shape, so they can be told apart without colour. Each chart has a title and a description for
 * screen readers, and each point or bar a tooltip with its exact value.
 */
final class Charts {
  private Charts() {}

  /**
   * One series of a line chart: a value per epoch ({@code NaN} where there is none).
   *
   * @param variant whose series it is
   * @param name what it measures, e.g. "validation"
   * @param dashed drawn dashed with hollow markers (validation) rather than solid (training)
   * @param values one value per epoch, epoch 1 first
   */
  record Line(Variant variant, String name, boolean dashed, double[] values) {}

  /**
   * One bar of a bar chart.
   *
   * @param variant whose bar it is
   * @param value a fraction in [0, 1]
   */
  record Bar(Variant variant, double value) {}

  /** A line chart over epochs; {@code percent} formats the values as percentages. */
  static String lines(
      String id, String title, String description, List<Line> lines, boolean percent) {
    int width = 440;
    int height = 250;
    int left = 54;
    int right = 14;
    int top = 12;
    int bottom = 40;
    int epochs = lines.stream().mapToInt(line -> line.values().length).max().orElse(1);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Line line : lines) {
      for (double value : line.values()) {
        if (Double.isFinite(value)) {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
    }
    if (min > max) {
      min = 0;
      max = 1;
    }
    Ticks y = Ticks.of(min, max, 5);
    Scale sx =
        epochs == 1
            ? new Scale(0, 2, left, width - right)
            : new Scale(1, epochs, left + 10, width - right - 10);
    Scale sy = new Scale(y.low(), y.high(), height - bottom, top);

    StringBuilder svg = open(id, title, description, width, height);
    for (double tick : y.values()) {
      double py = sy.at(tick);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"gridline\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>",
              left,
              width - right,
              py,
              py,
              left - 6,
              py,
              y.label(tick, percent)));
    }
    int every = Math.max(1, (int) Math.ceil(epochs / 10.0));
    for (int epoch = 1; epoch <= epochs; epoch += every) {
      double px = epochs == 1 ? sx.at(1) : sx.at(epoch);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
              px,
              height - bottom + 16,
              epoch));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">epoch</text>",
            left,
            width - right,
            height - bottom,
            height - bottom,
            (left + width - right) / 2.0,
            height - 4));
    for (Line line : lines) {
      StringBuilder points = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      double[] values = line.values();
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          continue;
        }
        double px = epochs == 1 ? sx.at(1) : sx.at(i + 1);
        double py = sy.at(values[i]);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        marks.append(
            marker(
                line.variant(),
                px,
                py,
                4,
                line.dashed(),
                line.variant().label()
                    + " "
                    + line.name()
                    + ", epoch "
                    + (i + 1)
                    + ": "
                    + (percent ? Html.percent(values[i], 2) : Html.significant(values[i]))));
      }
      svg.append("<g class=\"v-").append(line.variant().id()).append("\">");
      svg.append("<polyline class=\"line\" points=\"")
          .append(points.toString().trim())
          .append('"')
          .append(line.dashed() ? " stroke-dasharray=\"6 4\"" : "")
          .append("/>");
      svg.append(marks).append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars of fractions, one per variant, labelled with their percentages. */
  static String bars(String id, String title, String description, List<Bar> bars) {
    int width = 440;
    int row = 30;
    int left = 64;
    int right = 64;
    int top = 6;
    int bottom = 26;
    int height = top + row * bars.size() + bottom;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    Ticks x = Ticks.of(0, Math.max(max, 1e-3), 4);
    Scale sx = new Scale(0, x.high(), left, width - right);

    StringBuilder svg = open(id, title, description, width, height);
    for (double tick : x.values()) {
      double px = sx.at(tick);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"gridline\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              px,
              px,
              top,
              height - bottom,
              px,
              height - bottom + 16,
              x.label(tick, true)));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = top + i * row + 5;
      double barWidth = Math.max(1, sx.at(bar.value()) - left);
      String value = Html.percent(bar.value(), 1);
      svg.append(
          String.format(
              Locale.ROOT,
              "<g class=\"v-%s\"><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\""
                  + " dominant-baseline=\"middle\" class=\"value\">%s</text>"
                  + "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"3\">"
                  + "<title>%s: %s</title></rect>"
                  + "<text x=\"%.1f\" y=\"%.1f\" dominant-baseline=\"middle\" class=\"value\">%s</text>"
                  + "</g>",
              bar.variant().id(),
              left - 8,
              y + (row - 10) / 2.0,
              Html.escape(bar.variant().label()),
              left,
              y,
              barWidth,
              row - 10,
              Html.escape(bar.variant().label()),
              value,
              left + barWidth + 6,
              y + (row - 10) / 2.0,
              value));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * A histogram of log₁₀|w| for one variant, with the near-zero threshold marked.
   *
   * @param lowerBounds log₁₀ of each bin's lower bound; bins are equally wide
   * @param counts weights per bin
   * @param maxShare the y axis' top as a fraction of all weights, shared by the variants
   * @param threshold the near-zero threshold (a magnitude)
   */
  static String histogram(
      String id,
      Variant variant,
      double[] lowerBounds,
      long[] counts,
      double maxShare,
      double threshold) {
    int width = 400;
    int height = 210;
    int left = 44;
    int right = 10;
    int top = 22;
    int bottom = 34;
    double binWidth = lowerBounds.length > 1 ? lowerBounds[1] - lowerBounds[0] : 1;
    double low = lowerBounds[0];
    double high = lowerBounds[lowerBounds.length - 1] + binWidth;
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    Ticks y = Ticks.of(0, maxShare, 4);
    Scale sx = new Scale(low, high, left, width - right);
    Scale sy = new Scale(0, y.high(), height - bottom, top);

    String title = variant.label() + ": magnitudes of the weights";
    String description =
        "Histogram of the absolute values of "
            + Html.number(total, 0)
            + " convolution and dense weights on a logarithmic scale from "
            + Html.powerOfTen((int) Math.round(low))
            + " to "
            + Html.powerOfTen((int) Math.round(high))
            + "; the dashed line marks the near-zero threshold.";
    StringBuilder svg = open(id, title, description, width, height);
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"title\" x=\"%d\" y=\"12\">%s</text>",
            left,
            Html.escape(variant.label())));
    for (double tick : y.values()) {
      double py = sy.at(tick);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"gridline\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>",
              left,
              width - right,
              py,
              py,
              left - 5,
              py,
              y.label(tick, true)));
    }
    svg.append("<g class=\"v-").append(variant.id()).append("\">");
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      double share = total == 0 ? 0 : (double) counts[i] / total;
      double x0 = sx.at(lowerBounds[i]);
      double x1 = sx.at(lowerBounds[i] + binWidth);
      double py = sy.at(share);
      String range =
          i == 0
              ? "|w| below " + magnitude(lowerBounds[i] + binWidth)
              : i == counts.length - 1
                  ? "|w| from " + magnitude(lowerBounds[i])
                  : "|w| from "
                      + magnitude(lowerBounds[i])
                      + " to "
                      + magnitude(lowerBounds[i] + binWidth);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                  + "<title>%s: %s weights (%s)</title></rect>",
              x0 + 0.5,
              py,
              Math.max(0.5, x1 - x0 - 1),
              height - bottom - py,
              range,
              Html.number(counts[i], 0),
              Html.percent(share, 2)));
    }
    svg.append("</g>");
    for (int exponent = (int) Math.ceil(low); exponent <= high; exponent++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              sx.at(exponent),
              height - bottom + 15,
              Html.powerOfTen(exponent)));
    }
    double px = sx.at(Math.log10(threshold));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
                + "<line class=\"threshold\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\">near zero ←</text>"
                + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">|w|</text>",
            left,
            width - right,
            height - bottom,
            height - bottom,
            px,
            px,
            top - 4,
            height - bottom,
            px - 3,
            top + 8,
            (left + width - right) / 2.0,
            height - 3));
    return svg.append("</svg>").toString();
  }

  /** A small stand-alone marker of a variant, for legends and table headings. */
  static String key(Variant variant) {
    return "<svg viewBox=\"0 0 12 12\" aria-hidden=\"true\" class=\"v-"
        + variant.id()
        + "\">"
        + shape(variant, 6, 6, 4.5, "key-mark", "")
        + "</svg>";
  }

  /** A legend sample of a solid or dashed line. */
  static String lineKey(boolean dashed) {
    return "<svg viewBox=\"0 0 32 12\" aria-hidden=\"true\"><line class=\"line\" x1=\"1\" x2=\"31\""
        + " y1=\"6\" y2=\"6\""
        + (dashed ? " stroke-dasharray=\"6 4\"" : "")
        + "/></svg>";
  }

  private static String marker(
      Variant variant, double x, double y, double r, boolean hollow, String tooltip) {
    return shape(
        variant,
        x,
        y,
        r,
        hollow ? "mark hollow" : "mark",
        "<title>" + Html.escape(tooltip) + "</title>");
  }

  /** Circle, square, triangle or diamond: one shape per variant, centred on (x, y). */
  private static String shape(
      Variant variant, double x, double y, double r, String cssClass, String content) {
    String tag = variant == Variant.NONE ? "circle" : variant == Variant.L1 ? "rect" : "polygon";
    String geometry =
        switch (variant) {
          case NONE -> String.format(Locale.ROOT, "cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", x, y, r);
          case L1 ->
              String.format(
                  Locale.ROOT,
                  "x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"",
                  x - r * 0.85,
                  y - r * 0.85,
                  r * 1.7,
                  r * 1.7);
          case L2 ->
              String.format(
                  Locale.ROOT,
                  "points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"",
                  x,
                  y - r * 1.1,
                  x + r,
                  y + r * 0.8,
                  x - r,
                  y + r * 0.8);
          case L1_L2 ->
              String.format(
                  Locale.ROOT,
                  "points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"",
                  x,
                  y - r * 1.15,
                  x + r * 1.15,
                  y,
                  x,
                  y + r * 1.15,
                  x - r * 1.15,
                  y);
        };
    return "<" + tag + " class=\"" + cssClass + "\" " + geometry + ">" + content + "</" + tag + ">";
  }

  private static StringBuilder open(
      String id, String title, String description, int width, int height) {
    return new StringBuilder(4096)
        .append(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-t %s-d\">"
                    + "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>",
                width,
                height,
                id,
                id,
                id,
                Html.escape(title),
                id,
                Html.escape(description)));
  }

  private static String magnitude(double log10) {
    return String.format(Locale.ROOT, "%.2g", Math.pow(10, log10));
  }

  /** A linear map from data values to pixels. */
  private record Scale(double from, double to, double pixelFrom, double pixelTo) {
    double at(double value) {
      double span = to - from;
      return pixelFrom + (span == 0 ? 0.5 : (value - from) / span) * (pixelTo - pixelFrom);
    }
  }

  /** Round axis ticks covering a range. */
  private record Ticks(double low, double high, double step) {
    static Ticks of(double min, double max, int target) {
      if (max - min < 1e-12) {
        double pad = Math.max(Math.abs(max) * 0.05, 1e-3);
        min -= pad;
        max += pad;
      }
      double rough = (max - min) / target;
      double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
      double normalized = rough / magnitude;
      double step =
          (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * magnitude;
      return new Ticks(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    double[] values() {
      int n = (int) Math.round((high - low) / step);
      double[] values = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        values[i] = low + i * step;
      }
      return values;
    }

    String label(double value, boolean percent) {
      double shown = percent ? value * 100 : value;
      double shownStep = percent ? step * 100 : step;
      int decimals = Math.max(0, (int) -Math.floor(Math.log10(shownStep) + 1e-9));
      return String.format(Locale.ROOT, "%." + decimals + "f", shown) + (percent ? "%" : "");
    }
  }
}
