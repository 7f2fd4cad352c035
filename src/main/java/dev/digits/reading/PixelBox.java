package dev.digits.reading;

/**
 * A rectangle of the read image, in its pixels: columns {@code x} to {@code x + width - 1}, rows
 * {@code y} to {@code y + height - 1}.
 */
public record PixelBox(int x, int y, int width, int height) {

  int right() {
    return x + width;
  }

  int bottom() {
    return y + height;
  }

  /** The smallest box holding both. */
  PixelBox union(PixelBox other) {
    int left = Math.min(x, other.x);
    int top = Math.min(y, other.y);
    return new PixelBox(
        left,
        top,
        Math.max(right(), other.right()) - left,
        Math.max(bottom(), other.bottom()) - top);
  }

  /** How many columns the two boxes share; negative for the gap between them. */
  int horizontalOverlap(PixelBox other) {
    return Math.min(right(), other.right()) - Math.max(x, other.x);
  }

  double centreX() {
    return x + width / 2.0;
  }
}
