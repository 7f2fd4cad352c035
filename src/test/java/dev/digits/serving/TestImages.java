package dev.digits.serving;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images for tests, drawn with Java2D the way a person draws on the page: dark ink on white. */
final class TestImages {
  private TestImages() {}

  /** A black bar of the given size in the middle of a white square canvas. */
  static BufferedImage bar(int canvas, int width, int height) {
    BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, canvas, canvas);
    g.setColor(Color.BLACK);
    g.fillRect((canvas - width) / 2, (canvas - height) / 2, width, height);
    g.dispose();
    return image;
  }

  /** A tall stroke, which the fake classifier reads as {@link FakeClassifier#TALL}. */
  static byte[] tallPng() {
    return encode(bar(280, 24, 200), "png");
  }

  /** A wide stroke, which the fake classifier reads as {@link FakeClassifier#WIDE}. */
  static byte[] widePng() {
    return encode(bar(280, 200, 24), "png");
  }

  /** A wide stroke in white on black, the polarity of MNIST itself and of a dark theme. */
  static byte[] wideOnDarkPng() {
    BufferedImage image = bar(280, 200, 24);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, ~image.getRGB(x, y));
      }
    }
    return encode(image, "png");
  }

  /** Random grey pixels: a PNG that hardly compresses, to make files of a wanted size. */
  static BufferedImage noise(int side) {
    Random random = new Random(7);
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.getRaster().setSample(x, y, 0, random.nextInt(256));
      }
    }
    return image;
  }

  /** A white canvas without ink. */
  static byte[] blankPng() {
    return encode(bar(280, 0, 0), "png");
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String dataUrl(String mediaType, byte[] bytes) {
    return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * A decompression bomb: a valid PNG header declaring 50,000 × 50,000 pixels (2.5 gigapixels) in a
   * file of a few dozen bytes. A server that decodes before checking the size runs out of memory.
   */
  static byte[] pixelBombPng() {
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream fields = new DataOutputStream(header);
      fields.writeInt(50_000);
      fields.writeInt(50_000);
      fields.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, no filter, no interlace
      chunk(png, "IHDR", header.toByteArray());
      chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
      chunk(png, "IEND", new byte[0]);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data)
      throws IOException {
    DataOutputStream out = new DataOutputStream(png);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(typeBytes);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
