package dev.digits.preprocessing;

/**
 * Turns luminance into ink intensity: decides which way round ink and background are, estimates the
 * background, measures the noise of the background, and maps each pixel's difference from the
 * background onto 0–255 so that noise becomes 0, the ink's core 255 and anti-aliased edges stay in
 * between.
 *
 * <p>Polarity: the background is the median of a ring along the image's edge; the ink lies on
 * whichever side of it the image reaches further (its darkest or lightest 0.05 %). Background: that
 * median when the ring is flat (canvases, scans), otherwise a {@link BackgroundSurface} fitted to
 * the paper (photos). Noise: 4 robust standard deviations of the difference from the background
 * (its median absolute value × 1.4826); the background dominates every image with a digit, so that
 * is the paper's texture and the sensor's noise, not the ink.
 */
final class InkExtractor {

  /** The weakest ink, in luminance levels, still taken for a digit rather than a blank image. */
  static final int MIN_CONTRAST = 24;

  private static final double TAIL_FRACTION = 0.0005;
  private static final int FLAT_BORDER_SPREAD = 6;
  private static final int OFFSET = 255;

  private InkExtractor() {}

  /** Overwrites the image's luminance with ink and returns it as an {@link InkImage}. */
  static InkImage extract(LumaImage image) throws PreprocessingException {
    int width = image.width;
    int height = image.height;
    byte[] luma = image.luma;
    ContentBox box = image.content;
    LevelHistogram levels = LevelHistogram.ofImage(luma, width, height, box);
    LevelHistogram border =
        LevelHistogram.ofBorder(
            luma, width, height, Math.max(1, Math.min(width, height) / 40), box);
    int paper = border.quantile(0.5);
    long tail = Math.max(1, (long) Math.ceil(TAIL_FRACTION * levels.total()));
    boolean darkInk = paper - levels.fromLow(tail) >= levels.fromHigh(tail) - paper;
    Diagnostics.Polarity polarity =
        darkInk ? Diagnostics.Polarity.DARK_INK_ON_LIGHT : Diagnostics.Polarity.LIGHT_INK_ON_DARK;
    int sign = darkInk ? 1 : -1;
    boolean flatBorder = border.quantile(0.95) - border.quantile(0.05) <= FLAT_BORDER_SPREAD;
    if (flatBorder) {
      mapAgainstLevel(luma, width, height, box, levels, paper, sign);
      return new InkImage(width, height, luma, polarity, box);
    }
    mapAgainstSurface(
        luma, width, height, BackgroundSurface.fit(luma, width, height, polarity), sign);
    // The surface varies from pixel to pixel: even a uniform background maps to varying ink.
    return new InkImage(width, height, luma, polarity, ContentBox.all(width, height));
  }

  /**
   * A uniform background: the ink depends on the level alone, so one lookup table does it, pixel by
   * pixel inside the content box and with one fill outside it.
   */
  private static void mapAgainstLevel(
      byte[] luma,
      int width,
      int height,
      ContentBox box,
      LevelHistogram levels,
      int paper,
      int sign)
      throws PreprocessingException {
    LevelHistogram differences = new LevelHistogram(2 * OFFSET + 1);
    for (int level = 0; level < 256; level++) {
      differences.add(sign * (paper - level) + OFFSET, levels.count(level));
    }
    InkScale scale = InkScale.of(differences);
    byte[] ink = new byte[256];
    for (int level = 0; level < 256; level++) {
      ink[level] = (byte) scale.ink(sign * (paper - level));
    }
    byte outside = ink[luma[0] & 0xFF];
    // Inside the box too, most pixels are the paper's level: eight of them map with one store.
    long paper8 = EightBytes.repeated(luma[0]);
    long outside8 = EightBytes.repeated(outside);
    for (int y = box.top(); y < box.bottom(); y++) {
      int i = y * width + box.left();
      int end = y * width + box.right();
      for (; i + 8 <= end; i += 8) {
        if (EightBytes.get(luma, i) == paper8) {
          EightBytes.set(luma, i, outside8);
        } else {
          for (int k = i; k < i + 8; k++) {
            luma[k] = ink[luma[k] & 0xFF];
          }
        }
      }
      for (; i < end; i++) {
        luma[i] = ink[luma[i] & 0xFF];
      }
    }
    box.fillOutside(luma, width, height, outside);
  }

  private static void mapAgainstSurface(
      byte[] luma, int width, int height, BackgroundSurface surface, int sign)
      throws PreprocessingException {
    float[] background = new float[width];
    LevelHistogram differences = new LevelHistogram(2 * OFFSET + 1);
    int[] counts = new int[2 * OFFSET + 1];
    for (int y = 0; y < height; y++) {
      surface.row(y, background);
      for (int x = 0, i = y * width; x < width; x++, i++) {
        counts[Math.round(sign * (background[x] - (luma[i] & 0xFF))) + OFFSET]++;
      }
    }
    for (int d = 0; d < counts.length; d++) {
      differences.add(d, counts[d]);
    }
    InkScale scale = InkScale.of(differences);
    for (int y = 0; y < height; y++) {
      surface.row(y, background);
      for (int x = 0, i = y * width; x < width; x++, i++) {
        luma[i] = (byte) scale.ink(sign * (background[x] - (luma[i] & 0xFF)));
      }
    }
  }

  /** Maps a difference from the background (towards the ink) onto 0–255 ink. */
  private static final class InkScale {
    private static final double NOISE_SIGMAS = 4;
    private static final double MAD_TO_SIGMA = 1.4826;

    /** The ink's core is the 90th percentile of what stands out from the noise. */
    private static final double CORE_QUANTILE = 0.9;

    /**
     * Faint fringes (JPEG ringing, the outermost anti-aliasing) below this share of the core go.
     */
    private static final double MIN_FLOOR = 0.06;

    private static final double MAX_FLOOR = 0.5;

    private final double floor;
    private final double span;

    private InkScale(double floor, double core) {
      this.floor = floor;
      this.span = core - floor;
    }

    static InkScale of(LevelHistogram differences) throws PreprocessingException {
      LevelHistogram magnitudes = new LevelHistogram(OFFSET + 1);
      for (int d = 0; d < differences.size(); d++) {
        magnitudes.add(Math.abs(d - OFFSET), differences.count(d));
      }
      double noise = NOISE_SIGMAS * MAD_TO_SIGMA * magnitudes.quantile(0.5);
      long standingOut = differences.countAbove((int) Math.floor(noise) + OFFSET);
      int core =
          standingOut == 0
              ? 0
              : differences.fromHigh((long) Math.ceil((1 - CORE_QUANTILE) * standingOut)) - OFFSET;
      if (core < MIN_CONTRAST || core < 2 * noise) {
        throw PreprocessingException.noInk(
            "No digit found: the image is blank (nothing stands out from the background).");
      }
      double floor = Math.min(Math.max(noise, MIN_FLOOR * core), MAX_FLOOR * core);
      return new InkScale(floor, core);
    }

    int ink(double difference) {
      double ink = (difference - floor) / span;
      return ink <= 0 ? 0 : ink >= 1 ? 255 : (int) Math.round(ink * 255);
    }
  }
}
