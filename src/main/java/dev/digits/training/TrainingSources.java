package dev.digits.training;

import dev.digits.corpus.FontGlyphs;
import dev.digits.data.MnistDataset;
import dev.digits.data.PenDigits;
import dev.digits.model.TrainingConfig.Mixture;
import java.io.IOException;

/**
 * The data a run draws its examples from: MNIST, and for a mixture the pen digits of real writers
 * and the fonts that generated letters and symbols are drawn from.
 *
 * @param mnist MNIST's training and test images
 * @param penDigits pen digits, or {@code null} when the mixture needs none
 * @param fonts font glyphs, or {@code null} when the mixture generates no non-digits
 */
public record TrainingSources(MnistDataset mnist, PenDigits penDigits, FontGlyphs fonts) {

  /**
   * MNIST and whatever else {@code mixture} needs: the bundled pen digits and the machine's fonts.
   *
   * @throws IOException when the pen digits or a font cannot be read
   */
  public static TrainingSources forMixture(MnistDataset mnist, Mixture mixture) throws IOException {
    return new TrainingSources(
        mnist,
        mixture.usesPenDigits() ? PenDigits.bundled() : null,
        mixture.declines() ? FontGlyphs.load(FontGlyphs.DEFAULT_DIRECTORY) : null);
  }

  /** MNIST alone. */
  public static TrainingSources mnistOnly(MnistDataset mnist) {
    return new TrainingSources(mnist, null, null);
  }
}
