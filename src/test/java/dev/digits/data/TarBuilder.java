package dev.digits.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes POSIX ustar archives for tests, as npm packs them; entries can be damaged on purpose. */
final class TarBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Adds a regular file. */
  TarBuilder file(String name, byte[] data) {
    return entry(name, "", '0', data);
  }

  /** Adds a regular file whose path is split into a ustar prefix and a name. */
  TarBuilder fileWithPrefix(String prefix, String name, byte[] data) {
    return entry(name, prefix, '0', data);
  }

  /** Adds a folder entry. */
  TarBuilder folder(String name) {
    return entry(name, "", '5', new byte[0]);
  }

  /** Adds raw bytes, e.g. a damaged header. */
  TarBuilder raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** The archive with its end marker (two zero blocks). */
  byte[] build() {
    return concat(withoutEndMarker(), new byte[1024]);
  }

  /** The archive as it would be if cut off before the end marker. */
  byte[] withoutEndMarker() {
    return out.toByteArray();
  }

  /** The archive gzipped, i.e. a .tgz. */
  byte[] buildGzipped() {
    return Idx.gzip(build());
  }

  static byte[] header(String name, String prefix, char type, long size) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644\0");
    put(header, 108, "0001750\0");
    put(header, 116, "0001750\0");
    put(header, 124, String.format("%011o\0", size));
    put(header, 136, "14000000000\0");
    header[156] = (byte) type;
    put(header, 257, "ustar\0");
    put(header, 263, "00");
    put(header, 345, prefix);
    return withChecksum(header);
  }

  /** A copy of {@code header} with its checksum recomputed, e.g. after damaging another field. */
  static byte[] withChecksum(byte[] header) {
    byte[] copy = header.clone();
    Arrays.fill(copy, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : copy) {
      sum += b & 0xFF;
    }
    put(copy, 148, String.format("%06o\0 ", sum));
    return copy;
  }

  private TarBuilder entry(String name, String prefix, char type, byte[] data) {
    out.writeBytes(header(name, prefix, type, data.length));
    out.writeBytes(data);
    out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    return this;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
