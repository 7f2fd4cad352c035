package dev.digits.preprocessing;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Turns a drawing or a photo of a handwritten digit into the 28 × 28 image an MNIST-trained model
 * expects, the way MNIST itself was made:
 *
 * <ol>
 *   <li>decode (PNG or JPEG, recognised by their bytes), after checking the header against the
 *       {@link PreprocessingLimits};
 *   <li>flatten transparency onto a contrasting backdrop;
 *   <li>find which way round ink and background are and map each pixel to ink intensity, with
 *       background noise and uneven lighting suppressed ({@link InkExtractor});
 *   <li>find the box around the ink, ignoring specks;
 *   <li>thicken strokes that would otherwise end up too thin, or thin those that would end up far
 *       too thick and fill the digit's loops in, then scale the box so its longer side is 20 px,
 *       averaging areas so thin strokes survive;
 *   <li>place it in the 28 × 28 field with its centre of mass at the centre.
 * </ol>
 *
 * <p>Stateless apart from its limits and its {@link DecodingBudget}, so one instance can serve any
 * number of threads.
 */
public final class DigitPreprocessor {

  private final PreprocessingLimits limits;
  private final DecodingBudget budget;
  private final PngDecoder pngDecoder;

  /** A preprocessor refusing input beyond {@code limits}, for callers that work one at a time. */
  public DigitPreprocessor(PreprocessingLimits limits) {
    this(limits, DecodingBudget.unlimited());
  }

  /**
   * A preprocessor refusing input beyond {@code limits}, whose images together hold no more memory
   * than {@code budget} allows.
   */
  public DigitPreprocessor(PreprocessingLimits limits, DecodingBudget budget) {
    this(limits, budget, PngDecoder.FAST);
  }

  /** As {@link #DigitPreprocessor(PreprocessingLimits, DecodingBudget)}, decoding PNGs so. */
  public DigitPreprocessor(
      PreprocessingLimits limits, DecodingBudget budget, PngDecoder pngDecoder) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.pngDecoder = Objects.requireNonNull(pngDecoder, "pngDecoder");
  }

  /**
   * Preprocesses a PNG or JPEG file; the format is told by its first bytes, not by any declared
   * content type.
   *
   * @throws PreprocessingException with {@link PreprocessingException.Reason#ENCODED_TOO_LARGE} or
   *     {@link PreprocessingException.Reason#IMAGE_TOO_LARGE} beyond the limits, {@link
   *     PreprocessingException.Reason#UNSUPPORTED_FORMAT} for other formats, {@link
   *     PreprocessingException.Reason#MALFORMED} for data that does not decode, {@link
   *     PreprocessingException.Reason#NO_INK} for a blank image, {@link
   *     PreprocessingException.Reason#BUSY} when the decoding budget has no room for it in time
   */
  public DigitImage fromEncoded(byte[] encoded) throws PreprocessingException {
    Objects.requireNonNull(encoded, "encoded");
    EncodedImage image = EncodedImage.open(encoded, limits, pngDecoder);
    return normalizeWithRoom(image.pixels(), image::decode);
  }

  /**
   * Preprocesses a {@code data:image/png;base64,...} or {@code data:image/jpeg;base64,...} URL, as
   * {@code canvas.toDataURL()} makes them. Whitespace in the base64 is ignored.
   *
   * @throws PreprocessingException as {@link #fromEncoded}, plus {@link
   *     PreprocessingException.Reason#MALFORMED} for a malformed URL or base64 and {@link
   *     PreprocessingException.Reason#UNSUPPORTED_FORMAT} for a media type other than PNG or JPEG
   */
  public DigitImage fromDataUrl(String dataUrl) throws PreprocessingException {
    Objects.requireNonNull(dataUrl, "dataUrl");
    return fromEncoded(DataUrl.decode(dataUrl, limits));
  }

  /**
   * Preprocesses a PNG or JPEG file sent as base64, or as a data URL. Whitespace in the base64 is
   * ignored.
   *
   * @throws PreprocessingException as {@link #fromDataUrl}
   */
  public DigitImage fromBase64(String base64) throws PreprocessingException {
    Objects.requireNonNull(base64, "base64");
    return base64.stripLeading().regionMatches(true, 0, "data:", 0, 5)
        ? fromDataUrl(base64)
        : fromEncoded(DataUrl.decodeBase64(base64, limits));
  }

  /**
   * Preprocesses an image already in memory, of any BufferedImage type.
   *
   * @throws PreprocessingException with {@link PreprocessingException.Reason#IMAGE_TOO_LARGE}
   *     beyond the pixel limits, {@link PreprocessingException.Reason#NO_INK} for a blank image or
   *     {@link PreprocessingException.Reason#BUSY} when the decoding budget has no room in time
   */
  public DigitImage fromImage(BufferedImage image) throws PreprocessingException {
    Objects.requireNonNull(image, "image");
    limits.requireDimensions(image.getWidth(), image.getHeight());
    return normalizeWithRoom(
        (long) image.getWidth() * image.getHeight(), () -> RasterLuminance.of(image));
  }

  /**
   * The ink of a PNG or JPEG file, for a caller that finds the digits in it itself (a number of
   * several digits): decoded, polarity found and background removed exactly as {@link #fromEncoded}
   * does before it crops.
   *
   * @throws PreprocessingException as {@link #fromEncoded}
   */
  public InkPicture inkFromEncoded(byte[] encoded) throws PreprocessingException {
    Objects.requireNonNull(encoded, "encoded");
    EncodedImage image = EncodedImage.open(encoded, limits, pngDecoder);
    return inkWithRoom(image.pixels(), image::decode);
  }

  /**
   * {@link #inkFromEncoded} of a data URL.
   *
   * @throws PreprocessingException as {@link #fromDataUrl}
   */
  public InkPicture inkFromDataUrl(String dataUrl) throws PreprocessingException {
    Objects.requireNonNull(dataUrl, "dataUrl");
    return inkFromEncoded(DataUrl.decode(dataUrl, limits));
  }

  /**
   * {@link #inkFromEncoded} of an image already in memory.
   *
   * @throws PreprocessingException as {@link #fromImage}
   */
  public InkPicture inkFromImage(BufferedImage image) throws PreprocessingException {
    Objects.requireNonNull(image, "image");
    limits.requireDimensions(image.getWidth(), image.getHeight());
    return inkWithRoom(
        (long) image.getWidth() * image.getHeight(), () -> RasterLuminance.of(image));
  }

  /**
   * Normalizes a piece of ink cut out of an {@link InkPicture} (one digit of a number) exactly as a
   * whole drawing is normalized once its ink is found: crop, stroke width, 20 px, centre by mass.
   * One code path, so a digit of a number reaches the model as it would drawn alone.
   *
   * @throws PreprocessingException with {@link PreprocessingException.Reason#NO_INK} when the piece
   *     holds only specks
   */
  public DigitImage fromInk(InkPicture piece) throws PreprocessingException {
    Objects.requireNonNull(piece, "piece");
    return normalizeInk(piece.image(), false);
  }

  private InkPicture inkWithRoom(long pixels, Pixels source) throws PreprocessingException {
    try (DecodingBudget.Reservation room = budget.reserve(pixels)) {
      LumaImage luma = source.make();
      AlphaFlattener.flatten(luma);
      InkImage ink = InkExtractor.extract(luma);
      // A picture of specks alone is as blank as it is for a single digit.
      InkRegionFinder.find(ink);
      return new InkPicture(ink);
    } catch (OutOfMemoryError e) {
      throw new PreprocessingException(
          PreprocessingException.Reason.BUSY,
          "The server ran out of memory preprocessing this image; try again in a moment, or send a"
              + " smaller image.",
          e);
    }
  }

  /** Makes an image's pixels; may refuse it, as decoding does. */
  @FunctionalInterface
  private interface Pixels {
    LumaImage make() throws PreprocessingException;
  }

  /**
   * Makes and normalizes an image of {@code pixels} within room reserved from the budget. The
   * budget's estimate can be wrong and the heap small: the arrays that did not fit were this
   * image's own, unreachable once it is refused, so it is refused as busy and the server goes on
   * answering.
   */
  private DigitImage normalizeWithRoom(long pixels, Pixels source) throws PreprocessingException {
    try (DecodingBudget.Reservation room = budget.reserve(pixels)) {
      return normalize(source.make());
    } catch (OutOfMemoryError e) {
      throw new PreprocessingException(
          PreprocessingException.Reason.BUSY,
          "The server ran out of memory preprocessing this image; try again in a moment, or send a"
              + " smaller image.",
          e);
    }
  }

  private static DigitImage normalize(LumaImage source) throws PreprocessingException {
    boolean alphaUsed = AlphaFlattener.flatten(source);
    return normalizeInk(InkExtractor.extract(source), alphaUsed);
  }

  private static DigitImage normalizeInk(InkImage ink, boolean alphaUsed)
      throws PreprocessingException {
    InkRegion region = InkRegionFinder.find(ink);
    InkPatch patch =
        StrokeThinner.mayBeTooThick(region)
            ? StrokeThinner.apply(ink, region)
            : StrokeThickener.apply(ink, region);
    int[] size = DigitLayout.scaledSize(patch.width(), patch.height());
    float[] digit = AreaResampler.resample(patch, size[0], size[1]);
    float[] pixels = DigitLayout.centreByMass(digit, size[0], size[1]);
    Diagnostics diagnostics =
        new Diagnostics(ink.polarity(), ink.width(), ink.height(), region.bounds(), alphaUsed);
    return new DigitImage(pixels, diagnostics);
  }
}
