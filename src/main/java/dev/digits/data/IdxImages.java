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

  /** One image as ink intensities in [0, 1]. */
  public float[] image(int image) {
    float[] values = new float[imageSize()];
    copyImage(image, values, 0);
    return values;
  }

  /** Writes one image's ink intensities in [0, 1] into {@code target} at {@code offset}. */
  public void copyImage(int image, float[] target, int offset) {
    int size = imageSize();
    int from = image * size;
    for (int i = 0; i < size; i++) {
      target[offset + i] = (pixels[from + i] & 0xFF) / 255f;
    }
  }
}
