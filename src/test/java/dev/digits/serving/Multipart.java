package dev.digits.serving;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body, as a browser's form upload sends it. */
final class Multipart {
  static final String BOUNDARY = "----digits-test-boundary-7MA4YWxkTrZu0gW";
  static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Multipart file(String field, String fileName, String contentType, byte[] content) {
    text(
        "--"
            + BOUNDARY
            + "\r\n"
            + "Content-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\n"
            + "Content-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(content);
    text("\r\n");
    return this;
  }

  Multipart field(String name, String value) {
    text(
        "--"
            + BOUNDARY
            + "\r\n"
            + "Content-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
    return this;
  }

  byte[] build() {
    text("--" + BOUNDARY + "--\r\n");
    return body.toByteArray();
  }

  private void text(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
