package dev.digits.corpus;

import dev.digits.drawing.CanvasPainter;
import dev.digits.drawing.Drawing;
import dev.digits.preprocessing.DigitImage;
import dev.digits.preprocessing.DigitPreprocessor;
import dev.digits.preprocessing.PreprocessingException;
import dev.digits.preprocessing.PreprocessingLimits;

/**
 * The path a drawing takes from the page to the model, in one place: painted as the page's canvas
 * paints and exports it, then preprocessed by the server's own {@link DigitPreprocessor}. Training
 * and evaluation examples made from strokes go through here, so they are what the server sees.
 */
public final class CanvasPath {
  private static final DigitPreprocessor PREPROCESSOR =
      new DigitPreprocessor(PreprocessingLimits.DEFAULT);

  private CanvasPath() {}

  /**
   * What the model sees of a drawing on the exported canvas.
   *
   * @throws PreprocessingException when nothing of it lands on the canvas
   */
  public static DigitImage toModelInput(Drawing drawing) throws PreprocessingException {
    return PREPROCESSOR.fromImage(CanvasPainter.paintAsExported(drawing));
  }
}
