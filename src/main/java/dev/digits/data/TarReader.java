package dev.digits.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Finds one file in an uncompressed tar stream, the format inside an npm package ({@code .tgz}).
 *
 * <p>Tar is a sequence of 512-byte headers, each followed by the entry's data padded to a whole
 * block, ending with zero blocks. Reading is strict, because a guess would turn a damaged archive
 * into wrong data: a header must carry the ustar magic and a correct checksum, numeric fields must
 * be octal, and an archive that ends before its end marker is reported as truncated. Only POSIX and
 * GNU ustar headers are understood; other entry types (folders, pax headers) are skipped.
 */
final class TarReader {
  private static final int BLOCK = 512;

  private TarReader() {}

  /**
   * Copies the regular file {@code entryName} (e.g. {@code package/data/t10k-labels-idx1-ubyte})
   * from {@code tar} to {@code out}.
   *
   * @return false if the archive has no such file
   * @throws IOException if the archive is damaged or truncated
   */
  static boolean copyEntry(InputStream tar, String entryName, OutputStream out) throws IOException {
    byte[] header = new byte[BLOCK];
    while (true) {
      if (tar.readNBytes(header, 0, BLOCK) < BLOCK) {
        throw new IOException("truncated tar archive: it ends before its end marker");
      }
      if (isZeroBlock(header)) {
        return false;
      }
      checkHeader(header);
      String name = name(header);
      long size = octal(header, 124, 12, "size of " + name);
      byte type = header[156];
      boolean regularFile = type == '0' || type == 0;
      if (regularFile && name.equals(entryName)) {
        copyExactly(tar, out, size, name);
        skipExactly(tar, padding(size), name);
        return true;
      }
      skipExactly(tar, size + padding(size), name);
    }
  }

  private static void checkHeader(byte[] header) throws IOException {
    if (!ascii(header, 257, 5).equals("ustar")) {
      throw new IOException("not a ustar tar archive (header without the ustar magic)");
    }
    long stored = octal(header, 148, 8, "header checksum");
    long actual = 0;
    for (int i = 0; i < BLOCK; i++) {
      // The checksum is computed with its own field taken as eight spaces.
      actual += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
    }
    if (stored != actual) {
      throw new IOException(
          "damaged tar archive: header checksum " + stored + ", computed " + actual);
    }
  }

  /** The entry's path; POSIX ustar splits long paths into a prefix (bytes 345–500) and a name. */
  private static String name(byte[] header) {
    String name = text(header, 0, 100);
    boolean posix = header[262] == 0; // "ustar\0"; GNU writes "ustar " and keeps other data there
    String prefix = posix ? text(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static long octal(byte[] header, int offset, int length, String field)
      throws IOException {
    int end = offset + length;
    int start = offset;
    while (start < end && header[start] == ' ') {
      start++;
    }
    long value = 0;
    int digits = 0;
    int i = start;
    for (; i < end && header[i] != 0 && header[i] != ' '; i++) {
      if (header[i] < '0' || header[i] > '7') {
        throw notOctal(header, offset, length, field);
      }
      value = value * 8 + (header[i] - '0');
      digits++;
    }
    for (; i < end; i++) {
      if (header[i] != 0 && header[i] != ' ') {
        throw notOctal(header, offset, length, field);
      }
    }
    if (digits == 0) {
      throw new IOException("damaged tar archive: " + field + " is empty");
    }
    return value;
  }

  private static IOException notOctal(byte[] header, int offset, int length, String field) {
    String shown = ascii(header, offset, length).replace('\0', ' ').trim();
    return new IOException("damaged tar archive: " + field + " is not an octal number: " + shown);
  }

  private static void copyExactly(InputStream in, OutputStream out, long size, String name)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    long remaining = size;
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw truncated(name, size - remaining, size);
      }
      out.write(buffer, 0, n);
      remaining -= n;
    }
  }

  private static void skipExactly(InputStream in, long count, String name) throws IOException {
    long remaining = count;
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        // skip() may legitimately return 0; a read tells a pause from the end.
        if (in.read() < 0) {
          throw truncated(name, count - remaining, count);
        }
        skipped = 1;
      }
      remaining -= skipped;
    }
  }

  private static IOException truncated(String name, long have, long want) {
    return new IOException(
        "truncated tar archive: " + name + " ends after " + have + " of " + want + " bytes");
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static boolean isZeroBlock(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** A NUL-terminated field. */
  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String ascii(byte[] header, int offset, int length) {
    return new String(header, offset, length, StandardCharsets.US_ASCII);
  }
}
