package dev.digits.data;

/**
 * Images with one label each, kept as MNIST's bytes to stay small (47 MB for the training set).
 *
 * @param images the images
 * @param labels one digit 0–9 per image
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
}
