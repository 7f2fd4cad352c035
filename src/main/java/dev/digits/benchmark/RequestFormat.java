package dev.digits.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** How a load test sends each drawing to {@code POST /api/predict}. */
public enum RequestFormat {
  /** The PNG as the body, {@code Content-Type: image/png}: what the drawing page sends. */
  PNG,
  /** {@code {"image": "data:image/png;base64,..."}}: what clients of the original API send. */
  JSON;

  /**
   * Each drawing as the complete bytes of an HTTP/1.1 request, built once so that sending one costs
   * the client a single write.
   *
   * @param includeInput whether to ask for the model's input image back, as the page does
   */
  List<PreparedRequest> prepare(
      HttpTarget target, List<CanvasDrawings.Drawing> drawings, boolean includeInput) {
    return drawings.stream()
        .map(drawing -> new PreparedRequest(request(target, drawing.png(), includeInput), drawing))
        .toList();
  }

  private byte[] request(HttpTarget target, byte[] png, boolean includeInput) {
    String path = target.path();
    byte[] body;
    String contentType;
    if (this == PNG) {
      body = png;
      contentType = "image/png";
      if (includeInput) {
        path += (path.contains("?") ? "&" : "?") + "includeInput=true";
      }
    } else {
      body =
          ("{\"image\":\"data:image/png;base64,"
                  + Base64.getEncoder().encodeToString(png)
                  + "\""
                  + (includeInput ? ",\"includeInput\":true" : "")
                  + "}")
              .getBytes(StandardCharsets.US_ASCII);
      contentType = "application/json";
    }
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + target.hostHeader()
            + "\r\nContent-Type: "
            + contentType
            + "\r\nAccept: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
    request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(body);
    return request.toByteArray();
  }

  /** One request ready to send, and the drawing it carries. */
  record PreparedRequest(byte[] bytes, CanvasDrawings.Drawing drawing) {}
}
