package dev.digits.data;

import java.util.Arrays;

/**
 * Images with one label each, kept as MNIST's bytes to stay small (47 MB for the training set).
 *
 * @param images the images
 * @param labels one label per image: a digit 0–9, or for examples that are not one digit the index
 *     of the output that stands for their kind
 */
public record LabelledImages(IdxImages images, byte[] labels) {

  /** Pairs images with labels, checking that the counts agree. */
  public static LabelledImages of(IdxImages images, byte[] labels) throws IdxFormatException {
    if (images.count() != labels.length) {
      throw new IdxFormatException(
          "labels", labels.length + " labels for " + images.count() + " images");
    }
    return new LabelledImages(images, labels);
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** The label of image {@code index}. */
  public int label(int index) {
    return labels[index];
  }

  /** The first {@code count} images (all of them when there are fewer), for quick runs. */
  public LabelledImages first(int count) {
    if (count >= size()) {
      return this;
    }
    int pixels = count * images.imageSize();
    return new LabelledImages(
        new IdxImages(count, images.rows(), images.cols(), Arrays.copyOf(images.pixels(), pixels)),
        Arrays.copyOf(labels, count));
  }
}
