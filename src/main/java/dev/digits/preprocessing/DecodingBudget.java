package dev.digits.preprocessing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How much memory the images being preprocessed at one moment may hold between them.
 *
 * <p>{@link PreprocessingLimits} bound one image; this bounds many at once. A 16-megapixel PNG can
 * be a 75 KB request, and preprocessing it holds over 100 MB: 48 of them sent at once to a server
 * with a 1 GB heap made 39 fail with {@link OutOfMemoryError}. Each image therefore reserves its
 * share, {@value #BYTES_PER_PIXEL} bytes a pixel, before a pixel is decoded, and returns it when
 * its preprocessing is done. An image that finds the budget taken waits for it, up to a limit, and
 * is then refused as {@link PreprocessingException.Reason#BUSY}. A 280 × 280 canvas reserves 1.3
 * MB, so drawings only ever wait behind a flood of huge images.
 */
public final class DecodingBudget {
  /**
   * Most bytes one pixel takes while its image is preprocessed: the inflated RGBA rows or ImageIO's
   * raster (4; 8 for the rare 16-bit image), luma, alpha and ink (1 each), the thinner's depth map
   * (4), and the copies on the way.
   */
  static final long BYTES_PER_PIXEL = 16;

  /** The semaphore counts 64 KiB units, so that an int of permits covers any heap. */
  private static final long UNIT = 64 * 1024;

  private static final DecodingBudget UNLIMITED = new DecodingBudget(0, Duration.ZERO);

  private final Semaphore units;
  private final int capacity;
  private final long waitNanos;

  private DecodingBudget(long bytes, Duration wait) {
    this.capacity = (int) Math.min(Integer.MAX_VALUE, bytes / UNIT);
    this.units = bytes == 0 ? null : new Semaphore(capacity);
    this.waitNanos = wait.toNanos();
  }

  /** No bound: for one-at-a-time callers such as evaluation and the command line. */
  public static DecodingBudget unlimited() {
    return UNLIMITED;
  }

  /**
   * A budget of {@code bytes}, for which an image waits at most {@code wait}.
   *
   * @throws IllegalArgumentException when {@code bytes} is under 1 MiB or {@code wait} negative
   */
  public static DecodingBudget of(long bytes, Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (bytes < 1024 * 1024 || wait.isNegative()) {
      throw new IllegalArgumentException(
          "a decoding budget needs at least 1 MiB and a wait of zero or more, got "
              + bytes
              + " bytes and "
              + wait);
    }
    return new DecodingBudget(bytes, wait);
  }

  /**
   * Half of this JVM's maximum heap, leaving the other half to everything else a server holds (the
   * models, request bodies, Jetty's buffers).
   */
  public static DecodingBudget halfTheHeap(Duration wait) {
    return of(Runtime.getRuntime().maxMemory() / 2, wait);
  }

  /** The budget in bytes; {@link Long#MAX_VALUE} when unlimited. */
  public long bytes() {
    return units == null ? Long.MAX_VALUE : capacity * UNIT;
  }

  /** The bytes the images being preprocessed now hold; 0 when unlimited. */
  public long reservedBytes() {
    return units == null ? 0 : (capacity - (long) units.availablePermits()) * UNIT;
  }

  /** How many images are waiting for room at this moment: for tests, which must not guess. */
  int waitingImages() {
    return units == null ? 0 : units.getQueueLength();
  }

  /**
   * Reserves room to preprocess an image of {@code pixels}, waiting for it if other images hold the
   * budget. An image that needs more than the whole budget takes all of it and so runs alone.
   *
   * @throws PreprocessingException with {@link PreprocessingException.Reason#BUSY} when the room is
   *     not free within the wait, or the waiting thread is interrupted
   */
  public Reservation reserve(long pixels) throws PreprocessingException {
    if (units == null) {
      return Reservation.NONE;
    }
    long pixelsPerUnit = UNIT / BYTES_PER_PIXEL;
    long atLeastOne = Math.max(1, pixels);
    long wanted = atLeastOne / pixelsPerUnit + (atLeastOne % pixelsPerUnit == 0 ? 0 : 1);
    int needed = (int) Math.min(capacity, wanted);
    try {
      if (units.tryAcquire(needed, waitNanos, TimeUnit.NANOSECONDS)) {
        return new Reservation(units, needed);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw PreprocessingException.busy(
        "The server is busy with other large images and has no memory free for this one; try"
            + " again in a moment, or send a smaller image.");
  }

  /** Room held for one image; closing it, once or more, gives the room back. */
  public static final class Reservation implements AutoCloseable {
    private static final Reservation NONE = new Reservation(null, 0);

    private final Semaphore units;
    private final int count;
    private boolean released;

    private Reservation(Semaphore units, int count) {
      this.units = units;
      this.count = count;
    }

    @Override
    public void close() {
      if (units != null && !released) {
        released = true;
        units.release(count);
      }
    }
  }
}
