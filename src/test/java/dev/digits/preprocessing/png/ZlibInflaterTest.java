package dev.digits.preprocessing.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZlibInflaterTest {

  private static byte[] deflate(byte[] data, int level, int strategy) {
    Deflater deflater = new Deflater(level);
    deflater.setStrategy(strategy);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] inflate(byte[] compressed, int size) throws PngFormatException {
    byte[] out = new byte[size];
    ZlibInflater.inflate(compressed, 0, compressed.length, out);
    return out;
  }

  /** Runs, repeats at short and long distances, text-like bytes and noise. */
  private static byte[] mixedData(int size, long seed) {
    Random random = new Random(seed);
    byte[] data = new byte[size];
    int i = 0;
    while (i < size) {
      int kind = random.nextInt(5);
      int n = Math.min(size - i, 1 + random.nextInt(kind == 0 ? 2000 : 300));
      for (int k = 0; k < n; k++, i++) {
        data[i] =
            switch (kind) {
              case 0 -> 0;
              case 1 -> (byte) random.nextInt(256);
              case 2 -> (byte) ("the quick brown fox ".charAt(k % 20));
              case 3 -> i >= 4 ? data[i - 4] : 7;
              default -> i >= 1000 ? data[i - 1000] : (byte) k;
            };
      }
    }
    return data;
  }

  @ParameterizedTest(name = "level {0}")
  @ValueSource(ints = {0, 1, 2, 5, 6, 9})
  void inflatesWhatDeflaterCompressesAtEveryLevel(int level) throws Exception {
    byte[] data = mixedData(200_000, level);

    assertThat(inflate(deflate(data, level, Deflater.DEFAULT_STRATEGY), data.length))
        .isEqualTo(data);
  }

  @Test
  void inflatesFilteredAndHuffmanOnlyStrategies() throws Exception {
    byte[] data = mixedData(50_000, 99);

    assertThat(inflate(deflate(data, 6, Deflater.FILTERED), data.length)).isEqualTo(data);
    assertThat(inflate(deflate(data, 6, Deflater.HUFFMAN_ONLY), data.length)).isEqualTo(data);
  }

  @Test
  void inflatesCodesLongerThanItsLookUpTable() throws Exception {
    // Byte k occurs about half as often as byte k - 1: the rarest get codes of up to 15 bits,
    // decoded past the one-step table.
    Random random = new Random(15);
    byte[] data = new byte[300_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) Math.min(Long.numberOfTrailingZeros(random.nextLong() | 1L << 40), 40);
    }

    assertThat(inflate(deflate(data, 6, Deflater.HUFFMAN_ONLY), data.length)).isEqualTo(data);
    assertThat(inflate(deflate(data, 1, Deflater.DEFAULT_STRATEGY), data.length)).isEqualTo(data);
  }

  @Test
  void inflatesTinyInputsCodedWithFixedTables() throws Exception {
    for (int size = 1; size < 64; size++) {
      byte[] data = mixedData(size, size);

      assertThat(inflate(deflate(data, 9, Deflater.DEFAULT_STRATEGY), size)).isEqualTo(data);
    }
  }

  @Test
  void inflatesLongRunsOfEveryPeriod() throws Exception {
    for (int period = 1; period <= 9; period++) {
      byte[] data = new byte[30_000];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) (i % period * 31 + 1);
      }

      assertThat(inflate(deflate(data, 9, Deflater.DEFAULT_STRATEGY), data.length)).isEqualTo(data);
    }
  }

  @Test
  void ignoresDataBeyondTheExpectedSize() throws Exception {
    byte[] data = mixedData(10_000, 5);

    byte[] prefix = inflate(deflate(data, 6, Deflater.DEFAULT_STRATEGY), 6_000);

    assertThat(prefix).isEqualTo(Arrays.copyOf(data, 6_000));
  }

  @Test
  void rejectsStreamShorterThanExpected() {
    byte[] compressed = deflate(mixedData(1_000, 1), 6, Deflater.DEFAULT_STRATEGY);

    assertMalformed(() -> inflate(compressed, 1_001), "ends after 1000");
  }

  @Test
  void rejectsTruncatedStream() {
    byte[] compressed = deflate(mixedData(20_000, 2), 6, Deflater.DEFAULT_STRATEGY);

    // Cutting only the checksum and end-of-block code loses no data and is accepted.
    for (int cut : new int[] {1, 2, 3, 10, compressed.length / 2, compressed.length * 9 / 10}) {
      assertMalformed(() -> inflate(Arrays.copyOf(compressed, cut), 20_000), "");
    }
  }

  @Test
  void rejectsBadHeaderAndReservedBlockType() {
    assertMalformed(() -> inflate(new byte[] {0x78, 0x00, 0, 0}, 1), "zlib header");
    assertMalformed(() -> inflate(new byte[] {0x08, 0x1D, 0x07, 0}, 1), "reserved block type");
  }

  @Test
  void neverThrowsUncheckedOnCorruptStreams() {
    byte[] data = mixedData(5_000, 3);
    byte[] compressed = deflate(data, 6, Deflater.DEFAULT_STRATEGY);
    Random random = new Random(1);
    for (int trial = 0; trial < 2_000; trial++) {
      byte[] corrupt = compressed.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        corrupt[2 + random.nextInt(corrupt.length - 2)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        inflate(corrupt, data.length);
      } catch (PngFormatException e) {
        assertThat(e).hasMessageStartingWith("The PNG's compressed image data is corrupt");
      }
    }
  }

  @Test
  void inflatingIntoALargerBufferFillsOnlyWhatWasAskedFor() throws Exception {
    byte[] data = new byte[1000];
    Arrays.fill(data, (byte) 7);
    byte[] compressed = deflate(data, Deflater.DEFAULT_COMPRESSION, Deflater.DEFAULT_STRATEGY);
    byte[] buffer = new byte[1500];
    Arrays.fill(buffer, (byte) 9);

    ZlibInflater.inflate(compressed, 0, compressed.length, buffer, 1000);

    assertThat(Arrays.copyOfRange(buffer, 0, 1000)).containsOnly(7);
    assertThat(Arrays.copyOfRange(buffer, 1000, 1500)).containsOnly(9);
  }

  private static void assertMalformed(ThrowingCallable call, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOf(PngFormatException.class)
        .hasMessageContaining(messagePart);
  }
}
