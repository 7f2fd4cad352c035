package dev.digits.preprocessing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Test files stored beside these tests, under {@code src/test/resources/dev/digits/preprocessing}.
 */
final class TestResources {
  private TestResources() {}

  /** The bytes of {@code name}, relative to this package's resource folder. */
  static byte[] bytes(String name) {
    try (InputStream in = TestResources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
