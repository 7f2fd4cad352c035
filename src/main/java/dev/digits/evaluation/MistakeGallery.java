package dev.digits.evaluation;

import dev.digits.data.IdxImages;
import dev.digits.evaluation.EvaluationResult.Mistake;
import dev.digits.io.GreyPngEncoder;
import dev.digits.io.Html;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cards of misclassified digits for the HTML report: the image itself as an inline PNG, the true
 * and predicted digit, the confidence, and on hover or focus the three most probable digits (and
 * the true digit's probability when it is not among them).
 */
final class MistakeGallery {
  private final EvaluationResult result;
  private final IdxImages images;
  private final Map<Integer, Integer> positionByIndex = new HashMap<>();
  private final Map<Integer, String> dataUrlByIndex = new HashMap<>();

  /**
   * @param result the evaluation the mistakes come from
   * @param images the evaluated images, addressed by the mistakes' source indices
   */
  MistakeGallery(EvaluationResult result, IdxImages images) {
    this.result = result;
    this.images = images;
    int[] indices = result.indices();
    for (int position = 0; position < indices.length; position++) {
      positionByIndex.put(indices[position], position);
    }
  }

  /** A gallery of {@code mistakes}, in the order given. */
  String render(List<Mistake> mistakes) {
    StringBuilder html = new StringBuilder(mistakes.size() * 900);
    html.append("<div class=\"gallery\">\n");
    for (Mistake mistake : mistakes) {
      html.append(card(mistake));
    }
    return html.append("</div>\n").toString();
  }

  private String card(Mistake m) {
    int position = positionByIndex.get(m.index());
    int[] top = topDigits(position);
    StringBuilder title = new StringBuilder("image ").append(m.index());
    StringBuilder list = new StringBuilder();
    boolean labelShown = false;
    for (int rank = 0; rank < 3; rank++) {
      int digit = top[rank];
      String p = Html.percent(result.probability(position, digit), 1);
      title.append(rank == 0 ? ": " : ", ").append(digit).append(" ").append(p);
      list.append("<li><b>").append(digit).append("</b> ").append(p).append("</li>");
      labelShown |= digit == m.label();
    }
    if (!labelShown) {
      // The true digit's own probability says how far off the model was.
      String p = Html.percent(m.labelProbability(), 1);
      title.append("; true ").append(m.label()).append(" ").append(p);
      list.append("<li class=\"true\">true <b>")
          .append(m.label())
          .append("</b> ")
          .append(p)
          .append("</li>");
    }
    return String.format(
        Locale.ROOT,
        "<figure class=\"mistake\" tabindex=\"0\" title=\"%s\">"
            + "<img src=\"%s\" width=\"56\" height=\"56\" alt=\"image %d: a %d read as %d\">"
            + "<figcaption><span class=\"digits\"><span class=\"label\">%d</span> → "
            + "<span class=\"predicted\">%d</span></span> <span class=\"confidence\">%s</span>"
            + "</figcaption><ol class=\"top3\" aria-label=\"three most probable digits\">%s</ol>"
            + "</figure>\n",
        title,
        dataUrl(m.index()),
        m.index(),
        m.label(),
        m.predicted(),
        m.label(),
        m.predicted(),
        Html.percent(m.confidence(), 1),
        list);
  }

  /** The digits of one evaluated image, most probable first. */
  private int[] topDigits(int position) {
    Integer[] digits = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    Arrays.sort(
        digits,
        (a, b) -> Float.compare(result.probability(position, b), result.probability(position, a)));
    return Arrays.stream(digits).mapToInt(Integer::intValue).toArray();
  }

  /** The image as a PNG data URL, white ink on black as in MNIST; each image encoded once. */
  private String dataUrl(int index) {
    return dataUrlByIndex.computeIfAbsent(
        index,
        i -> {
          int size = images.imageSize();
          byte[] grey = Arrays.copyOfRange(images.pixels(), i * size, (i + 1) * size);
          byte[] png = GreyPngEncoder.encode(grey, images.cols(), images.rows());
          return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        });
  }
}
