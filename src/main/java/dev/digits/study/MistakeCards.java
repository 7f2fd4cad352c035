package dev.digits.study;

import dev.digits.data.IdxImages;
import dev.digits.evaluation.EvaluationResult.Mistake;
import dev.digits.io.GreyPngEncoder;
import dev.digits.io.Html;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * The gallery of misclassified test images: one card per image that at least one variant gets
 * wrong, with every variant's answer, those every variant gets wrong first; and the radio buttons
 * that filter the cards by variant.
 */
final class MistakeCards {
  private final StudyReport report;
  private final IdxImages images;
  private final IntUnaryOperator labels;
  private final Map<String, Map<Integer, Mistake>> byVariant = new HashMap<>();
  private final List<Integer> shown;

  /**
   * @param images the test images the mistakes' indices refer to
   * @param labels the true digit of each test image
   */
  MistakeCards(StudyReport report, IdxImages images, IntUnaryOperator labels) {
    this.report = report;
    this.images = images;
    this.labels = labels;
    for (VariantResult v : report.variants()) {
      Map<Integer, Mistake> mistakes = new HashMap<>();
      v.mistakes().forEach(m -> mistakes.put(m.index(), m));
      byVariant.put(v.id(), mistakes);
    }
    Function<Integer, Long> timesWrong =
        index -> byVariant.values().stream().filter(m -> m.containsKey(index)).count();
    shown = new ArrayList<>(report.overlap().union());
    shown.sort(
        Comparator.comparing(timesWrong).reversed().thenComparing(Comparator.naturalOrder()));
  }

  /** How many images have a card. */
  int count() {
    return shown.size();
  }

  /** A radio button for all variants, then one per variant, each with its count of cards. */
  String variantFilters() {
    StringBuilder out = new StringBuilder(radio("all", "any", shown.size(), true));
    for (Variant variant : Variant.values()) {
      out.append(
          radio(variant.id(), variant.label(), report.variant(variant).misclassified(), false));
    }
    return out.toString();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    for (int index : shown) {
      card(out, index);
    }
    return out.toString();
  }

  private void card(StringBuilder out, int index) {
    int label = labels.applyAsInt(index);
    StringBuilder wrongIds = new StringBuilder();
    StringBuilder calls = new StringBuilder();
    for (Variant variant : Variant.values()) {
      Mistake mistake = byVariant.get(variant.id()).get(index);
      calls.append("<li class=\"v-").append(variant.id());
      if (mistake == null) {
        calls
            .append("\"><span>")
            .append(Html.escape(variant.label()))
            .append("</span><span class=\"right\">✓</span></li>");
      } else {
        wrongIds.append(wrongIds.length() == 0 ? "" : " ").append(variant.id());
        calls
            .append(" wrong\"><span>")
            .append(Html.escape(variant.label()))
            .append("</span><span>→ ")
            .append(mistake.predicted())
            .append(" · ")
            .append(Html.percent(mistake.confidence(), 0))
            .append("</span></li>");
      }
    }
    out.append("<li class=\"card\" data-wrong=\"")
        .append(wrongIds)
        .append("\"><div class=\"card-top\"><img src=\"")
        .append(pngDataUrl(index))
        .append("\" width=\"28\" height=\"28\" alt=\"Test image ")
        .append(index)
        .append(", a handwritten ")
        .append(label)
        .append("\"><div class=\"truth\"><b>")
        .append(label)
        .append("</b>true digit<br>#")
        .append(index)
        .append("</div></div><ul class=\"calls\">")
        .append(calls)
        .append("</ul></li>\n");
  }

  private static String radio(String value, String label, int count, boolean checked) {
    return "<label><input type=\"radio\" name=\"variant\" value=\""
        + value
        + "\""
        + (checked ? " checked" : "")
        + "> "
        + Html.escape(label)
        + " ("
        + count
        + ")</label>";
  }

  /** A test image as a PNG data URL, dark ink on white like a drawing. */
  private String pngDataUrl(int index) {
    int size = images.imageSize();
    byte[] grey = new byte[size];
    for (int i = 0; i < size; i++) {
      grey[i] = (byte) (255 - (images.pixels()[index * size + i] & 0xFF));
    }
    return "data:image/png;base64,"
        + Base64.getEncoder()
            .encodeToString(GreyPngEncoder.encode(grey, images.cols(), images.rows()));
  }
}
