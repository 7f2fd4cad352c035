package dev.digits.serving;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way a request can be wrong gets its status and a JSON error, and the server answers the
 * next request correctly.
 */
class ErrorResponsesTest {
  @RegisterExtension static final RunningServer server = RunningServer.forTheClass();

  @AfterEach
  void serverStillAnswersCorrectly() {
    HttpResponse<String> response = server.post("/api/predict", "image/png", TestImages.tallPng());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(response).get("digit").asInt()).isEqualTo(FakeClassifier.TALL);
  }

  @Test
  void invalidJsonIs400() {
    assertError(server.postJson("/api/predict", "{\"image\": "), 400, "invalid_json");
  }

  @Test
  void jsonThatIsNotAnObjectIs400() {
    assertError(
        server.postJson("/api/predict", "[\"data:image/png;base64,AAAA\"]"), 400, "invalid_json");
  }

  @Test
  void emptyJsonBodyIs400() {
    assertError(server.postJson("/api/predict", ""), 400, "invalid_json");
  }

  @Test
  void trailingContentAfterTheObjectIs400() {
    assertError(server.postJson("/api/predict", "{\"image\": \"x\"} {}"), 400, "invalid_json");
  }

  @Test
  void missingImageIs400() {
    assertError(server.postJson("/api/predict", "{\"model\": \"fake-a\"}"), 400, "missing_image");
  }

  @Test
  void imageOfTheWrongTypeIs400() {
    assertError(server.postJson("/api/predict", "{\"image\": 42}"), 400, "invalid_field");
  }

  @Test
  void includeInputOfTheWrongTypeIs400() {
    assertError(
        server.postJson("/api/predict", "{\"image\": \"x\", \"includeInput\": \"yes\"}"),
        400,
        "invalid_field");
    assertError(
        server.post("/api/predict?includeInput=maybe", "image/png", TestImages.tallPng()),
        400,
        "invalid_field");
  }

  @Test
  void badBase64Is400() {
    assertError(
        server.postJson("/api/predict", "{\"image\": \"data:image/png;base64,@@not base64@@\"}"),
        400,
        "invalid_image");
  }

  @Test
  void notADataUrlIs400() {
    assertError(server.postJson("/api/predict", "{\"image\": \"hello\"}"), 400, "invalid_image");
  }

  @Test
  void corruptPngIs400() {
    byte[] png = TestImages.tallPng();
    byte[] truncated = Arrays.copyOf(png, png.length / 3);
    assertError(server.post("/api/predict", "image/png", truncated), 400, "invalid_image");
  }

  @Test
  void multipartWithoutAFileIs400() {
    byte[] form = new Multipart().field("model", "fake-a").build();
    assertError(server.post("/api/predict", Multipart.CONTENT_TYPE, form), 400, "missing_image");
  }

  @Test
  void aPartThatNamesNoFieldIsSkipped() {
    String unnamed =
        "--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n";
    byte[] form =
        (unnamed + new String(new Multipart().field("model", "fake-a").build(), US_ASCII))
            .getBytes(US_ASCII);
    assertError(server.post("/api/predict", Multipart.CONTENT_TYPE, form), 400, "missing_image");
  }

  @Test
  void aFormFieldThatIsNotUtf8Is400() {
    String form =
        new String(
            new Multipart()
                .file("image", "digit.png", "image/png", TestImages.tallPng())
                .field("model", "fake-a")
                .build(),
            ISO_8859_1);
    // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation.
    byte[] notUtf8 = form.replace("\r\nfake-a\r\n", "\r\nfake-\u00C3(\r\n").getBytes(ISO_8859_1);
    assertError(
        server.post("/api/predict", Multipart.CONTENT_TYPE, notUtf8), 400, "invalid_multipart");
  }

  @Test
  void multipartThatCannotBeParsedIs400() {
    assertError(
        server.post("/api/predict", Multipart.CONTENT_TYPE, "no parts at all".getBytes()),
        400,
        "invalid_multipart");
    byte[] form =
        new Multipart().file("image", "digit.png", "image/png", TestImages.tallPng()).build();
    assertError(server.post("/api/predict", "multipart/form-data", form), 400, "invalid_multipart");
  }

  @Test
  void unknownModelIs404() {
    HttpResponse<String> response =
        server.postJson(
            "/api/predict",
            "{\"model\": \"nope\", \"image\": \""
                + TestImages.dataUrl("image/png", TestImages.tallPng())
                + "\"}");
    assertError(response, 404, "unknown_model");
    assertThat(RunningServer.json(response).get("detail").asText()).contains("fake-a", "fake-b");
    assertError(
        server.post("/api/predict?model=nope", "image/png", TestImages.tallPng()),
        404,
        "unknown_model");
    assertError(server.get("/api/model?name=nope"), 404, "unknown_model");
  }

  @Test
  void unknownRouteIsJson404() {
    assertError(server.get("/no/such/page"), 404, "not_found");
    assertError(server.post("/api/nothing", "application/json", "{}".getBytes()), 404, "not_found");
    assertError(server.get("/assets/missing.js"), 404, "not_found");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    HttpResponse<String> get = server.get("/api/predict");
    assertError(get, 405, "method_not_allowed");
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");

    HttpResponse<String> post = server.post("/healthz", "application/json", "{}".getBytes());
    assertError(post, 405, "method_not_allowed");
    assertThat(post.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));

    assertError(
        server.send(HttpRequest.newBuilder(server.uri("/api/models")).DELETE().build()),
        405,
        "method_not_allowed");
  }

  @Test
  void textPlainBodyIs415() {
    assertError(
        server.post("/api/predict", "text/plain", "a digit".getBytes(StandardCharsets.UTF_8)),
        415,
        "unsupported_media_type");
  }

  @Test
  void unknownCharsetIs415OnEveryRoute() {
    byte[] png = TestImages.tallPng();
    assertError(
        server.post("/api/predict", "image/png; charset=x", png), 415, "unsupported_charset");
    assertError(
        server.post("/api/predict", "application/json; charset=x", "{}".getBytes()),
        415,
        "unsupported_charset");
    assertError(
        server.post("/api/predict", "multipart/form-data; charset=x; boundary=b", png),
        415,
        "unsupported_charset");
    assertError(
        server.post("/predict", "application/json; charset=x", png), 415, "unsupported_charset");
    assertError(
        server.post("/api/predict", "image/png; charset=\"a b\"", png), 415, "unsupported_charset");
  }

  @Test
  void malformedContentTypeIs400() {
    byte[] png = TestImages.tallPng();
    for (String type :
        new String[] {"image/png; =", "image/png; charset=", "image", "image/png; a=\"b"}) {
      assertError(server.post("/api/predict", type, png), 400, "invalid_content_type");
    }
  }

  @Test
  void contentTypeParametersTheServerDoesNotUseAreIgnored() {
    HttpResponse<String> response =
        server.post(
            "/api/predict", "image/png;; name=\"digit.png\"; charset=UTF-8", TestImages.widePng());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(RunningServer.json(response).get("digit").asInt()).isEqualTo(FakeClassifier.WIDE);
  }

  @Test
  void missingContentTypeIs415() {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/predict"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.tallPng()))
                .build());
    assertError(response, 415, "unsupported_media_type");
  }

  @Test
  void gifDataUrlIs415() {
    byte[] gif = TestImages.encode(TestImages.bar(64, 8, 40), "gif");
    assertError(
        server.postJson(
            "/api/predict", "{\"image\": \"" + TestImages.dataUrl("image/gif", gif) + "\"}"),
        415,
        "unsupported_image_type");
  }

  @Test
  void blankCanvasIs422() {
    assertError(
        server.post("/api/predict", "image/png", TestImages.blankPng()), 422, "no_digit_found");
    assertError(
        server.postJson(
            "/predict",
            "{\"image\": \"" + TestImages.dataUrl("image/png", TestImages.blankPng()) + "\"}"),
        422,
        "no_digit_found");
  }

  @Test
  void pixelBombIs422() {
    assertError(
        server.post("/api/predict", "image/png", TestImages.pixelBombPng()),
        422,
        "too_many_pixels");
  }

  @Test
  void legacyRouteErrorsAreJsonToo() {
    assertError(server.postJson("/predict", "not json"), 400, "invalid_json");
    assertError(server.postJson("/predict", "{}"), 400, "missing_image");
    assertError(server.get("/predict"), 405, "method_not_allowed");
  }

  @Test
  void requestsJettyRefusesAreJsonToo() throws IOException {
    assertThat(rawRequest("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"))
        .startsWith("HTTP/1.1 431")
        .contains(
            "Content-Type: application/json",
            "X-Content-Type-Options: nosniff",
            "\"error\":\"request_header_fields_too_large\"");
    assertThat(rawRequest("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 400")
        .contains(
            "Content-Type: application/json",
            "Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY,
            "\"error\":\"bad_request\"");
  }

  private static String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
    }
  }

  /** Asserts the status and that the body is exactly {"error": code, "detail": sentence}. */
  static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = RunningServer.json(response);
    assertThat(body.size()).as(response.body()).isEqualTo(2);
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(body.get("detail").asText()).isNotBlank().doesNotContain("Exception", "\tat ");
  }
}
