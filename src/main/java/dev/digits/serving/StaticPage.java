package dev.digits.serving;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A file from the class path, read once at start-up and served from memory with an ETag: browsers
 * revalidate on every load ({@code no-cache}) and get a body-less 304 while it is unchanged.
 */
final class StaticPage implements Handler {
  private final byte[] content;
  private final String contentType;
  private final String etag;

  private StaticPage(byte[] content, String contentType) {
    this.content = content;
    this.contentType = contentType;
    this.etag = '"' + sha256(content).substring(0, 16) + '"';
  }

  /** Loads {@code resource} (an absolute class-path name) to be served as {@code contentType}. */
  static StaticPage load(String resource, String contentType) {
    return find(resource, contentType)
        .orElseThrow(() -> new IllegalStateException("missing from the class path: " + resource));
  }

  /** Like {@link #load}, for a resource that a build may not have. */
  static Optional<StaticPage> find(String resource, String contentType) {
    try (InputStream in = StaticPage.class.getResourceAsStream(resource)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new StaticPage(in.readAllBytes(), contentType));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The content as UTF-8 text. */
  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public void handle(Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(contentType).result(content);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
