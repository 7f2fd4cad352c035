package dev.digits.preprocessing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array as one little-endian {@code long}, for the loops that take pixels or
 * compressed bits a word at a time: byte k of the word is {@code bytes[at + k]}.
 */
final class EightBytes {
  private static final VarHandle WORD =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private EightBytes() {}

  static long get(byte[] bytes, int at) {
    return (long) WORD.get(bytes, at);
  }

  static void set(byte[] bytes, int at, long word) {
    WORD.set(bytes, at, word);
  }

  /**
   * {@code Arrays.fill} for the short runs of background beside a drawing, a word at a time: the
   * JIT's vectorized fill loop needs a few hundred bytes before it pays, and does these a byte at a
   * time.
   */
  static void fill(byte[] bytes, int from, int to, byte value) {
    long word = repeated(value);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      WORD.set(bytes, i, word);
    }
    for (; i < to; i++) {
      bytes[i] = value;
    }
  }

  /** A word whose eight bytes are all {@code value} (0–255). */
  static long repeated(int value) {
    return (value & 0xFFL) * 0x0101_0101_0101_0101L;
  }
}
