package dev.digits.preprocessing.png;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decompresses a zlib stream (RFC 1950 around RFC 1951 DEFLATE) into a buffer of known size.
 *
 * <p>Why not {@link java.util.zip.Inflater}: canvas PNGs are mostly long runs, which DEFLATE codes
 * as 258-byte back-references, and zlib copies those a byte at a time; here they become {@code
 * Arrays.fill} and {@code System.arraycopy}, which made inflating a 280 × 280 canvas several times
 * faster. The output size is known from the PNG header, so the whole image is inflated at once, and
 * the buffer is never larger than the raster the limits allow.
 *
 * <p>Strict where it matters: a bad header, block type, code, length or distance, or a stream that
 * ends before the buffer is full, is a {@link PngFormatException}. The Adler-32 checksum is not
 * verified: PNG's chunk CRCs already protect the compressed bytes.
 */
final class ZlibInflater {
  /** Eight bytes of an array as one little-endian long: byte k is {@code bytes[at + k]}. */
  private static final VarHandle WORD =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int FAST_BITS = 10;
  private static final int MAX_BITS = 15;
  private static final int[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258
  };
  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DISTANCE_BASE = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577
  };
  private static final int[] DISTANCE_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };

  /** The order in which code-length code lengths are stored (RFC 1951, 3.2.7). */
  private static final int[] CODE_LENGTH_ORDER = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
  };

  private static final Huffman FIXED_LITERALS;
  private static final Huffman FIXED_DISTANCES;

  /**
   * A run of each byte value as long as the longest match. A canvas inflates to about 1,200 runs of
   * one repeated byte; copying one of these is a vectorized memory copy, which measured twice as
   * fast as {@code Arrays.fill}'s loop.
   */
  private static final byte[][] RUNS = new byte[256][258];

  static {
    for (int value = 0; value < 256; value++) {
      Arrays.fill(RUNS[value], (byte) value);
    }
    byte[] literalLengths = new byte[288];
    Arrays.fill(literalLengths, 0, 144, (byte) 8);
    Arrays.fill(literalLengths, 144, 256, (byte) 9);
    Arrays.fill(literalLengths, 256, 280, (byte) 7);
    Arrays.fill(literalLengths, 280, 288, (byte) 8);
    byte[] distanceLengths = new byte[30];
    Arrays.fill(distanceLengths, (byte) 5);
    try {
      FIXED_LITERALS = Huffman.fixed(literalLengths, 288);
      FIXED_DISTANCES = Huffman.fixed(distanceLengths, 30);
    } catch (PngFormatException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final byte[] input;
  private final int inputEnd;
  private int inputPosition;
  private long bits;
  private int bitCount;

  /** Bits taken from past the end of the input (zeros); any that get consumed mean truncation. */
  private int phantomBits;

  private final byte[] output;
  private final int outputEnd;
  private int outputPosition;

  private ZlibInflater(byte[] input, int offset, int length, byte[] output, int outputLength) {
    this.input = input;
    this.inputPosition = offset;
    this.inputEnd = offset + length;
    this.output = output;
    this.outputEnd = outputLength;
  }

  /**
   * Fills {@code output} exactly from the zlib stream in {@code input[offset, offset + length)}.
   */
  static void inflate(byte[] input, int offset, int length, byte[] output)
      throws PngFormatException {
    inflate(input, offset, length, output, output.length);
  }

  /**
   * Fills the first {@code outputLength} bytes of {@code output} exactly from the zlib stream in
   * {@code input[offset, offset + length)}; the rest of {@code output} is left alone.
   */
  static void inflate(byte[] input, int offset, int length, byte[] output, int outputLength)
      throws PngFormatException {
    new ZlibInflater(input, offset, length, output, outputLength).run();
  }

  private void run() throws PngFormatException {
    int header = (int) take(16);
    int method = header & 0x0F;
    int windowBits = (header >>> 4 & 0x0F) + 8;
    int check = (header & 0xFF) << 8 | header >>> 8;
    if (method != 8 || windowBits > 15 || check % 31 != 0 || (header & 0x2000) != 0) {
      throw malformed("its zlib header is invalid");
    }
    boolean last = false;
    while (!last && outputPosition < outputEnd) {
      last = take(1) == 1;
      int type = (int) take(2);
      switch (type) {
        case 0 -> copyStored();
        case 1 -> decodeBlock(FIXED_LITERALS, FIXED_DISTANCES);
        case 2 -> decodeDynamicBlock();
        default -> throw malformed("it uses the reserved block type 3");
      }
    }
    if (outputPosition < outputEnd) {
      throw malformed("it ends after " + outputPosition + " of " + outputEnd + " bytes");
    }
  }

  private void copyStored() throws PngFormatException {
    take(bitCount & 7);
    int length = (int) take(16);
    int complement = (int) take(16);
    if ((length ^ 0xFFFF) != complement) {
      throw malformed("a stored block's length is corrupt");
    }
    // The bit buffer may already hold some of the block's bytes; drain it first, but never its
    // zero padding past the end of the input, and no further than the image needs.
    while (length > 0 && outputPosition < outputEnd && bitCount - phantomBits >= 8) {
      emit((int) take(8));
      length--;
    }
    // Only what the image still needs must be there, as in compressed blocks.
    int n = Math.min(length, outputEnd - outputPosition);
    if (n > inputEnd - inputPosition) {
      throw malformed("a stored block runs past the end of the data");
    }
    System.arraycopy(input, inputPosition, output, outputPosition, n);
    outputPosition += n;
    inputPosition += n;
  }

  private void decodeDynamicBlock() throws PngFormatException {
    int literalCount = (int) take(5) + 257;
    int distanceCount = (int) take(5) + 1;
    int codeLengthCount = (int) take(4) + 4;
    if (literalCount > 286 || distanceCount > 30) {
      throw malformed("a block declares too many codes");
    }
    byte[] codeLengthLengths = new byte[19];
    for (int i = 0; i < codeLengthCount; i++) {
      codeLengthLengths[CODE_LENGTH_ORDER[i]] = (byte) take(3);
    }
    Huffman codeLengths = Huffman.ofCodeLengths(codeLengthLengths);
    byte[] lengths = new byte[literalCount + distanceCount];
    for (int i = 0; i < lengths.length; ) {
      int symbol = codeLengths.decode(this);
      if (symbol < 16) {
        lengths[i++] = (byte) symbol;
        continue;
      }
      int repeat;
      byte value = 0;
      if (symbol == 16) {
        if (i == 0) {
          throw malformed("a code length repeats nothing");
        }
        value = lengths[i - 1];
        repeat = 3 + (int) take(2);
      } else if (symbol == 17) {
        repeat = 3 + (int) take(3);
      } else {
        repeat = 11 + (int) take(7);
      }
      if (i + repeat > lengths.length) {
        throw malformed("code lengths overrun their table");
      }
      Arrays.fill(lengths, i, i + repeat, value);
      i += repeat;
    }
    if (lengths[256] == 0) {
      throw malformed("a block has no end-of-block code");
    }
    Huffman literals = Huffman.ofSymbols(Arrays.copyOf(lengths, literalCount));
    Huffman distances =
        Huffman.ofSymbols(Arrays.copyOfRange(lengths, literalCount, lengths.length));
    decodeBlock(literals, distances);
  }

  private void decodeBlock(Huffman literals, Huffman distances) throws PngFormatException {
    while (true) {
      int symbol = literals.decode(this);
      if (symbol < 256) {
        emit(symbol);
      } else if (symbol == 256) {
        return;
      } else {
        int index = symbol - 257;
        if (index >= 29) {
          throw malformed("it uses an invalid length code");
        }
        int length = LENGTH_BASE[index] + (int) take(LENGTH_EXTRA[index]);
        int distanceCode = distances.decode(this);
        if (distanceCode >= 30) {
          throw malformed("it uses an invalid distance code");
        }
        int distance = DISTANCE_BASE[distanceCode] + (int) take(DISTANCE_EXTRA[distanceCode]);
        copyMatch(distance, length);
      }
      if (outputPosition == outputEnd) {
        return;
      }
    }
  }

  /** Appends a byte; data beyond what the image needs is ignored, as libpng and ImageIO do. */
  private void emit(int value) {
    if (outputPosition < outputEnd) {
      output[outputPosition++] = (byte) value;
    }
  }

  private void copyMatch(int distance, int length) throws PngFormatException {
    if (distance > outputPosition) {
      throw malformed("it refers back before its start");
    }
    int n = Math.min(length, outputEnd - outputPosition);
    int from = outputPosition - distance;
    if (distance == 1) {
      System.arraycopy(RUNS[output[from] & 0xFF], 0, output, outputPosition, n);
    } else {
      // The copy may overlap what it writes: copy whole periods, doubling as the pattern grows.
      int done = 0;
      while (done < n) {
        int chunk = Math.min(n - done, outputPosition + done - from);
        System.arraycopy(output, from, output, outputPosition + done, chunk);
        done += chunk;
      }
    }
    outputPosition += n;
  }

  /** Takes {@code count} (at most 32) bits, least significant first. */
  private long take(int count) throws PngFormatException {
    if (bitCount < count) {
      refill();
    }
    long value = bits & ((1L << count) - 1);
    consume(count);
    return value;
  }

  /** The next bits without consuming them: at least 32 valid or zero-padded bits. */
  private int peek() {
    if (bitCount < 32) {
      refill();
    }
    return (int) bits;
  }

  private void consume(int count) throws PngFormatException {
    bits >>>= count;
    bitCount -= count;
    if (bitCount < phantomBits) {
      throw malformed("it is truncated");
    }
  }

  private void refill() {
    if (inputEnd - inputPosition >= 8) {
      // As many whole bytes as fit, from one 8-byte read: refills happen about once per symbol.
      int bytes = (63 - bitCount) >>> 3;
      long word = (long) WORD.get(input, inputPosition) & (-1L >>> (64 - 8 * bytes));
      bits |= word << bitCount;
      inputPosition += bytes;
      bitCount += 8 * bytes;
      return;
    }
    while (bitCount <= 56) {
      if (inputPosition < inputEnd) {
        bits |= (long) (input[inputPosition++] & 0xFF) << bitCount;
      } else {
        phantomBits += 8;
      }
      bitCount += 8;
    }
  }

  private static PngFormatException malformed(String problem) {
    return new PngFormatException("The PNG's compressed image data is corrupt: " + problem + ".");
  }

  /**
   * A canonical Huffman code: codes of up to {@value #FAST_BITS} bits decode with one table
   * look-up, longer ones bit by bit from the counts per length.
   */
  private static final class Huffman {
    /** Per FAST_BITS-bit prefix (bit-reversed): symbol << 4 | length, or 0 for a longer code. */
    private final int[] fast = new int[1 << FAST_BITS];

    private final int[] countPerLength = new int[MAX_BITS + 1];
    private final int[] symbolsByCode;

    /** The canonical decoder's first code and symbol index once past lengths 1 to FAST_BITS. */
    private int firstAfterFast;

    private int indexAfterFast;

    private Huffman(int symbols) {
      symbolsByCode = new int[symbols];
    }

    /** How complete a code must be; zlib refuses the others. */
    private enum Completeness {
      /** The fixed codes of RFC 1951, 3.2.6: the distance code among them is incomplete. */
      ANY,
      /** A literal or distance code: complete, or a single code one bit long. */
      COMPLETE_OR_ONE_BIT,
      /** The code of the code lengths. */
      COMPLETE
    }

    static Huffman fixed(byte[] lengths, int symbols) throws PngFormatException {
      return of(lengths, symbols, Completeness.ANY);
    }

    static Huffman ofCodeLengths(byte[] lengths) throws PngFormatException {
      return of(lengths, lengths.length, Completeness.COMPLETE);
    }

    static Huffman ofSymbols(byte[] lengths) throws PngFormatException {
      return of(lengths, lengths.length, Completeness.COMPLETE_OR_ONE_BIT);
    }

    /** A code no symbol of which has a length (all zero) decodes nothing, and is allowed. */
    private static Huffman of(byte[] lengths, int symbols, Completeness rule)
        throws PngFormatException {
      Huffman code = new Huffman(symbols);
      int longest = 0;
      for (int s = 0; s < symbols; s++) {
        code.countPerLength[lengths[s]]++;
        longest = Math.max(longest, lengths[s]);
      }
      code.countPerLength[0] = 0;
      int left = 1;
      for (int length = 1; length <= MAX_BITS; length++) {
        left = (left << 1) - code.countPerLength[length];
        if (left < 0) {
          throw malformed("a Huffman code is over-subscribed");
        }
      }
      boolean incompleteRefused =
          rule == Completeness.COMPLETE
              || (rule == Completeness.COMPLETE_OR_ONE_BIT && longest != 1);
      if (left > 0 && longest > 0 && incompleteRefused) {
        throw malformed("a Huffman code is incomplete");
      }
      int[] nextCode = new int[MAX_BITS + 2];
      int[] offset = new int[MAX_BITS + 2];
      for (int length = 1; length <= MAX_BITS; length++) {
        nextCode[length + 1] = (nextCode[length] + code.countPerLength[length]) << 1;
        offset[length + 1] = offset[length] + code.countPerLength[length];
      }
      // The first code and symbol index of the lengths past the table are where the canonical
      // decoder resumes; taken before the loop below advances them.
      code.firstAfterFast = nextCode[FAST_BITS + 1];
      code.indexAfterFast = offset[FAST_BITS + 1];
      for (int s = 0; s < symbols; s++) {
        int length = lengths[s];
        if (length == 0) {
          continue;
        }
        code.symbolsByCode[offset[length]++] = s;
        int canonical = nextCode[length]++;
        if (length <= FAST_BITS) {
          int reversed = Integer.reverse(canonical) >>> (32 - length);
          for (int fill = reversed; fill < 1 << FAST_BITS; fill += 1 << length) {
            code.fast[fill] = s << 4 | length;
          }
        }
      }
      return code;
    }

    int decode(ZlibInflater in) throws PngFormatException {
      int next = in.peek();
      int entry = fast[next & ((1 << FAST_BITS) - 1)];
      if (entry != 0) {
        in.consume(entry & 0x0F);
        return entry >>> 4;
      }
      // Canonical decoding, one bit at a time (codes are stored most significant bit first). No
      // code of FAST_BITS bits or fewer matched: resume after those lengths, not from the first.
      int codeValue = Integer.reverse(next) >>> (31 - FAST_BITS) & -2;
      int first = firstAfterFast;
      int index = indexAfterFast;
      for (int length = FAST_BITS + 1; length <= MAX_BITS; length++) {
        codeValue |= (next >>> (length - 1)) & 1;
        int count = countPerLength[length];
        if (codeValue - first < count) {
          in.consume(length);
          return symbolsByCode[index + codeValue - first];
        }
        index += count;
        first = (first + count) << 1;
        codeValue <<= 1;
      }
      throw malformed("it contains an undefined Huffman code");
    }
  }
}
