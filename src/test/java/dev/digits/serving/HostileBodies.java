package dev.digits.serving;

import dev.digits.benchmark.CanvasDrawings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Hostile requests for the fuzz test, each made from its index alone, so that a failure names the
 * index that reproduces it: canvas PNGs, ImageIO PNGs and JPEGs mutated byte by byte (PNGs with
 * their chunk checksums made right again half the time, so that the mutations reach the inflater
 * and the decoder instead of stopping at a CRC), JSON with mutated data URLs and mutated JSON,
 * multipart forms with mutated files and boundaries, and Open Inference Protocol requests.
 */
final class HostileBodies {
  /** What to send: a POST of {@code body} to {@code path} with this Content-Type (null: none). */
  record HostileRequest(int index, String path, String contentType, byte[] body) {
    @Override
    public String toString() {
      return "request "
          + index
          + ": POST "
          + path
          + " ("
          + contentType
          + ", "
          + body.length
          + " bytes)";
    }
  }

  private static final int KINDS = 6;

  private static final List<String> HOSTILE_CONTENT_TYPES =
      List.of(
          "image/png; charset=x",
          "image/png; charset=\"",
          "image/png;;;; =",
          "application/json; charset=utf-16",
          "multipart/form-data",
          "multipart/form-data; boundary=",
          "multipart/form-data; boundary=\"unterminated",
          "text/plain",
          "image/gif",
          "*/*",
          "\u00e9/\u00e9",
          "application/octet-stream");

  private final long seed;
  private final String model;
  private final byte[] canvasPng;
  private final byte[] greyPng;
  private final byte[] jpeg;

  /** Bodies from this seed, naming this model where a request names one. */
  HostileBodies(long seed, String model) {
    this.seed = seed;
    this.model = model;
    this.canvasPng = CanvasDrawings.generate(1, seed, CanvasDrawings.Background.WHITE).get(0).png();
    this.greyPng = TestImages.tallPng();
    this.jpeg = TestImages.encode(TestImages.bar(64, 8, 40), "jpg");
  }

  /** The request of this index; the same index and seed always give the same request. */
  HostileRequest request(int index) {
    Random random = new Random(seed * 1_000_003L + index);
    HostileRequest request =
        switch (index % KINDS) {
          case 0 -> raw(index, "image/png", mutatePng(canvasPng, random));
          case 1 -> raw(index, "image/png", mutatePng(greyPng, random));
          case 2 -> raw(index, "image/jpeg", mutate(jpeg, random));
          case 3 -> json(index, random);
          case 4 -> multipart(index, random);
          default -> inferenceProtocol(index, random);
        };
    if (random.nextInt(10) == 0) {
      String type = HOSTILE_CONTENT_TYPES.get(random.nextInt(HOSTILE_CONTENT_TYPES.size()));
      return new HostileRequest(index, request.path(), type, request.body());
    }
    return request;
  }

  private static HostileRequest raw(int index, String contentType, byte[] body) {
    return new HostileRequest(index, "/api/predict", contentType, body);
  }

  private HostileRequest json(int index, Random random) {
    byte[] image = random.nextBoolean() ? mutatePng(canvasPng, random) : mutate(jpeg, random);
    String mediaType = random.nextBoolean() ? "image/png" : "image/jpeg";
    String body =
        "{\"image\": \""
            + TestImages.dataUrl(mediaType, image)
            + "\", \"model\": "
            + (random.nextBoolean() ? "null" : "\"" + model + "\"")
            + ", \"includeInput\": "
            + random.nextBoolean()
            + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String path = random.nextInt(4) == 0 ? "/predict" : "/api/predict";
    return new HostileRequest(
        index, path, "application/json", random.nextInt(3) == 0 ? mutate(bytes, random) : bytes);
  }

  private HostileRequest multipart(int index, Random random) {
    byte[] file = random.nextBoolean() ? mutatePng(greyPng, random) : mutate(jpeg, random);
    byte[] body =
        new Multipart()
            .file(random.nextBoolean() ? "image" : "file", "digit.png", "image/png", file)
            .field("includeInput", random.nextBoolean() ? "true" : "maybe")
            .build();
    return new HostileRequest(
        index,
        "/api/predict",
        Multipart.CONTENT_TYPE,
        random.nextInt(3) == 0 ? mutate(body, random) : body);
  }

  private HostileRequest inferenceProtocol(int index, Random random) {
    String input;
    if (random.nextBoolean()) {
      StringBuilder pixels = new StringBuilder();
      for (int i = 0; i < 784; i++) {
        pixels.append(i == 0 ? "" : ",").append(random.nextInt(4) == 0 ? "1" : "0");
      }
      input =
          "{\"name\": \"input\", \"shape\": [1, 1, 28, 28], \"datatype\": \"FP32\", \"data\": ["
              + pixels
              + "]}";
    } else {
      String image = Base64.getEncoder().encodeToString(mutatePng(canvasPng, random));
      input =
          "{\"name\": \"image\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\""
              + image
              + "\"]}";
    }
    byte[] body =
        ("{\"id\": \"" + index + "\", \"inputs\": [" + input + "]}")
            .getBytes(StandardCharsets.UTF_8);
    return new HostileRequest(
        index,
        "/v2/models/" + model + "/infer",
        "application/json",
        random.nextInt(2) == 0 ? mutate(body, random) : body);
  }

  /** A PNG mutated, then, half the time, with every chunk's CRC made right again. */
  private static byte[] mutatePng(byte[] png, Random random) {
    byte[] mutated = mutate(png, random);
    return random.nextBoolean() ? withCorrectCrcs(mutated) : mutated;
  }

  /** One to four mutations: bit flips, special values, removed, repeated or inserted bytes. */
  static byte[] mutate(byte[] original, Random random) {
    byte[] data = original.clone();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && data.length > 0; m++) {
      int at = random.nextInt(data.length);
      switch (random.nextInt(7)) {
        case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> data[at] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 0x01}[random.nextInt(5)];
        case 2 -> {
          int length = Math.min(data.length - at, 1 + random.nextInt(64));
          data =
              concat(Arrays.copyOf(data, at), Arrays.copyOfRange(data, at + length, data.length));
        }
        case 3 -> {
          int length = Math.min(data.length - at, 1 + random.nextInt(64));
          byte[] repeated = Arrays.copyOfRange(data, at, at + length);
          data =
              concat(Arrays.copyOf(data, at + length), concat(repeated, tail(data, at + length)));
        }
        case 4 -> {
          byte[] noise = new byte[1 + random.nextInt(16)];
          random.nextBytes(noise);
          data = concat(Arrays.copyOf(data, at), concat(noise, tail(data, at)));
        }
        case 5 -> data = Arrays.copyOf(data, at);
        default -> {
          int value =
              new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65_535}[random.nextInt(5)];
          for (int b = 0; b < 4 && at + b < data.length; b++) {
            data[at + b] = (byte) (value >>> (24 - 8 * b));
          }
        }
      }
    }
    return data;
  }

  /** The PNG with each chunk's CRC recomputed, as far as its chunk lengths stay inside the file. */
  private static byte[] withCorrectCrcs(byte[] png) {
    byte[] fixed = png.clone();
    int at = 8;
    while (at + 12 <= fixed.length) {
      long length =
          (fixed[at] & 0xFFL) << 24
              | (fixed[at + 1] & 0xFF) << 16
              | (fixed[at + 2] & 0xFF) << 8
              | (fixed[at + 3] & 0xFF);
      if (length > fixed.length - at - 12) {
        break;
      }
      CRC32 crc = new CRC32();
      crc.update(fixed, at + 4, (int) length + 4);
      int end = at + 8 + (int) length;
      long value = crc.getValue();
      for (int b = 0; b < 4; b++) {
        fixed[end + b] = (byte) (value >>> (24 - 8 * b));
      }
      at = end + 4;
    }
    return fixed;
  }

  private static byte[] tail(byte[] data, int from) {
    return Arrays.copyOfRange(data, from, data.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
