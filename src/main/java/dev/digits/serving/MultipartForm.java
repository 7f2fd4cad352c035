package dev.digits.serving;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Attributes;

/**
 * A {@code multipart/form-data} body already held in memory, parsed with Jetty's parser.
 *
 * <p>The body was read under the request limit first, so parts stay in memory and nothing is ever
 * written to disk.
 */
final class MultipartForm implements AutoCloseable {
  /** An image, a model name and a flag: anything beyond a few parts is not a browser's form. */
  private static final int MAX_PARTS = 16;

  private final MultiPartFormData.Parts parts;

  private MultipartForm(MultiPartFormData.Parts parts) {
    this.parts = parts;
  }

  /** Parses {@code body}, whose Content-Type header (with its boundary) is {@code contentType}. */
  static MultipartForm parse(byte[] body, String contentType) {
    MultiPartConfig inMemory =
        new MultiPartConfig.Builder()
            .maxParts(MAX_PARTS)
            .maxSize(body.length)
            .maxMemoryPartSize(body.length)
            .useFilesForPartsWithoutFileName(false)
            .build();
    try {
      return new MultipartForm(
          MultiPartFormData.getParts(
              Content.Source.from(ByteBuffer.wrap(body)),
              new Attributes.Mapped(),
              contentType,
              inMemory));
    } catch (RuntimeException e) {
      // Jetty reports every kind of malformed form (no boundary, no parts, a broken part header)
      // as an unchecked exception; all of them are the client's mistake.
      throw malformed(rootMessage(e));
    }
  }

  /** The bytes of the first part with one of these names, in the order given; null if none. */
  byte[] bytes(String... names) {
    for (String name : names) {
      MultiPart.Part part = first(name);
      if (part != null) {
        try {
          ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
          byte[] bytes = new byte[content.remaining()];
          content.get(bytes);
          return bytes;
        } catch (IOException e) {
          throw malformed(e.getMessage());
        }
      }
    }
    return null;
  }

  /** The text of the part with this name, or null if there is none. */
  String text(String name) {
    MultiPart.Part part = first(name);
    if (part == null) {
      return null;
    }
    try {
      return part.getContentAsString(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed("the field '" + name + "' is not UTF-8 text");
    }
  }

  /**
   * The first part of this name, or null. Not Jetty's {@code getFirst}, which fails on a part whose
   * Content-Disposition names no field.
   */
  private MultiPart.Part first(String name) {
    for (MultiPart.Part part : parts) {
      if (name.equals(part.getName())) {
        return part;
      }
    }
    return null;
  }

  @Override
  public void close() {
    parts.close();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static ApiException malformed(String why) {
    return ApiException.badRequest(
        "invalid_multipart", "The multipart/form-data body could not be parsed: " + why + ".");
  }
}
