package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.digits.TestData;
import dev.digits.data.LabelledImages;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The drawings {@link DrawnDigitAccuracyTest} measures with are what they claim to be. */
class CanvasRedrawerTest {
  private final LabelledImages test = TestData.mnist().test();

  @Test
  void inkBoxHasTheChosenSizeUncutByTheCanvasEdge() {
    CanvasRedrawer redrawer = new CanvasRedrawer(7, CanvasRedrawer.Ranges.LEGIBLE);
    for (int index = 0; index < 40; index++) {
      CanvasRedrawer.Drawing drawing =
          redrawer.redraw(index, test.images().image(index), test.label(index));
      int[] box = inkBox(drawing);

      assertThat(Math.max(box[2] - box[0], box[3] - box[1]) + 1)
          .as("longer side of %s", drawing)
          .isCloseTo(drawing.size(), within(3));
      assertThat(drawing.size()).isBetween(60, 272);
      assertThat(drawing.stroke()).isBetween(3.0, Math.min(28, 0.25 * drawing.size()));
    }
  }

  @Test
  void sameSeedAndIndexDrawTheSameWhateverTheOrder() {
    CanvasRedrawer redrawer = new CanvasRedrawer(11, CanvasRedrawer.Ranges.LEGIBLE);
    byte[] first = redrawer.redraw(5, test.images().image(5), test.label(5)).png();
    redrawer.redraw(6, test.images().image(6), test.label(6));

    assertThat(redrawer.redraw(5, test.images().image(5), test.label(5)).png()).isEqualTo(first);
    assertThat(
            new CanvasRedrawer(12, CanvasRedrawer.Ranges.LEGIBLE)
                .redraw(5, test.images().image(5), 5)
                .png())
        .isNotEqualTo(first);
  }

  @Test
  void everyStyleAppears() {
    CanvasRedrawer redrawer = new CanvasRedrawer(3, CanvasRedrawer.Ranges.LEGIBLE);
    Set<CanvasRedrawer.Style> styles = EnumSet.noneOf(CanvasRedrawer.Style.class);
    for (int index = 0; index < 30; index++) {
      CanvasRedrawer.Drawing drawing =
          redrawer.redraw(index, test.images().image(index), test.label(index));
      styles.add(drawing.style());
      boolean transparent = drawing.style() == CanvasRedrawer.Style.TRANSPARENT;
      assertThat(drawing.image().getColorModel().hasAlpha()).isEqualTo(transparent);
    }
    assertThat(styles).containsExactlyInAnyOrder(CanvasRedrawer.Style.values());
  }

  /** {left, top, right, bottom} of the pixels at least half ink, whatever the colours. */
  private static int[] inkBox(CanvasRedrawer.Drawing drawing) {
    BufferedImage image = drawing.image();
    int paper = image.getRGB(0, 0);
    int paperLevel = level(paper);
    int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int argb = image.getRGB(x, y);
        boolean ink =
            drawing.style() == CanvasRedrawer.Style.TRANSPARENT
                ? (argb >>> 24) >= 128
                : Math.abs(level(argb) - paperLevel) >= 100;
        if (ink) {
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
        }
      }
    }
    return box;
  }

  private static int level(int argb) {
    return ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
  }
}
