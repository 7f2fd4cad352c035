package dev.digits.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files the build puts on the class path: style sheets, scripts, page templates. */
public final class Resources {
  private Resources() {}

  /**
   * The UTF-8 text of a resource, found as {@code owner} finds it: relative to its package, or from
   * the class path's root when {@code name} starts with a slash.
   *
   * @throws IllegalStateException when the build left it out
   */
  public static String text(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
