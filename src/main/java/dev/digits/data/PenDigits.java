package dev.digits.data;

import dev.digits.io.Sha256;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Digits written with a pen by real people, read from a UNIPEN file (plain or gzipped).
 *
 * <p>The bundled set is the training file of the UCI "Pen-Based Recognition of Handwritten Digits"
 * data set (E. Alpaydin and F. Alimoglu, 1998; UCI Machine Learning Repository; CC BY 4.0): 7,494
 * digits by 30 writers. It travels inside the jar and is checked against its SHA-256 when read.
 *
 * @param source where the digits were read from
 * @param sha256 SHA-256 of the file's raw (un-gzipped) bytes
 * @param digits the digits, in file order
 */
public record PenDigits(String source, String sha256, List<PenDigit> digits) {
  /** The bundled file, as a classpath resource. */
  public static final String BUNDLED_RESOURCE = "/data/pendigits-train.gz";

  /** SHA-256 of the bundled file's raw bytes: the UCI training file as published. */
  public static final String BUNDLED_SHA256 =
      "a66225d68d7d68591e62944df1ad33b3f5aa608e2df2505844b41f5568a80da4";

  /** How the bundled set is credited wherever a model trained on it is described. */
  public static final String BUNDLED_CREDIT =
      "UCI Pen-Based Recognition of Handwritten Digits, training file (E. Alpaydin, F. Alimoglu,"
          + " 1998), CC BY 4.0";

  /** A pen-trajectory file larger than this is refused before it is read. */
  static final long MAX_FILE_BYTES = 256L << 20;

  public PenDigits {
    digits = List.copyOf(digits);
  }

  /**
   * The bundled training file of the UCI pen digits, verified.
   *
   * @throws IOException when the resource is missing from the build or does not match its hash
   */
  public static PenDigits bundled() throws IOException {
    try (InputStream in = PenDigits.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IOException(
            "the bundled pen digits " + BUNDLED_RESOURCE + " are not in the build");
      }
      PenDigits digits = parse("bundled pen digits", in.readAllBytes());
      if (!digits.sha256().equals(BUNDLED_SHA256)) {
        throw new IOException(
            "the bundled pen digits are damaged: SHA-256 "
                + digits.sha256()
                + " is not "
                + BUNDLED_SHA256);
      }
      return digits;
    }
  }

  /**
   * Reads a UNIPEN file, plain or gzipped (told by its first bytes).
   *
   * @throws UnipenFormatException naming the line that breaks the format
   * @throws IOException when the file cannot be read or is too large
   */
  public static PenDigits read(Path file) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "pen-digit file not found");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a folder, not a pen-digit file");
    }
    if (size > MAX_FILE_BYTES) {
      throw new IOException(
          file + ": " + size + " bytes, more than the " + (MAX_FILE_BYTES >> 20) + " MiB allowed");
    }
    return parse(file.toString(), Files.readAllBytes(file));
  }

  /** The writers, in ascending order. */
  public SortedSet<Integer> writers() {
    SortedSet<Integer> writers = new TreeSet<>();
    digits.forEach(digit -> writers.add(digit.writer()));
    return writers;
  }

  /** Number of digits. */
  public int size() {
    return digits.size();
  }

  private static PenDigits parse(String source, byte[] stored) throws IOException {
    byte[] raw = isGzip(stored) ? gunzip(source, stored) : stored;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(raw), StandardCharsets.US_ASCII))) {
      return new PenDigits(source, Sha256.hex(raw), UnipenReader.read(source, in));
    }
  }

  private static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
  }

  private static byte[] gunzip(String source, byte[] gzipped) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      byte[] raw = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (raw.length > MAX_FILE_BYTES) {
        throw new IOException(
            source + ": unpacks to more than the " + (MAX_FILE_BYTES >> 20) + " MiB allowed");
      }
      return raw;
    } catch (ZipException | EOFException e) {
      // A damaged stream is a ZipException, one cut short an EOFException: both name no file.
      throw new IOException(source + ": damaged gzip data (" + e.getMessage() + ")", e);
    }
  }
}
