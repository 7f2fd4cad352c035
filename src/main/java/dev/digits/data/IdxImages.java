package dev.digits.data;

/**
 * Greyscale images from an IDX file: {@code count} images of {@code rows × cols} unsigned bytes,
 * row-major, one image after another (0 = background, 255 = full ink in MNIST).
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

  /** Pixels in one image. */
  public int imageSize() {
    return rows * cols;
  }

  /** Ink intensity of one pixel in [0, 1]. */
  public float intensity(int image, int pixel) {
    return (pixels[image * imageSize() + pixel] & 0xFF) / 255f;
  }

  /** One image as ink intensities in [0, 1]. */
  public float[] image(int image) {
    float[] values = new float[imageSize()];
    int offset = image * imageSize();
    for (int i = 0; i < values.length; i++) {
      values[i] = (pixels[offset + i] & 0xFF) / 255f;
    }
    return values;
  }
}
