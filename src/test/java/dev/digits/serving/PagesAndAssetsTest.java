package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page, its assets, the docs and the OpenAPI document: types, caching and headers. */
class PagesAndAssetsTest {
  /** Every route the server has, as "METHOD /path". */
  private static final List<String> ROUTES =
      List.of(
          "GET /",
          "GET /docs",
          "GET /openapi.json",
          "GET /study",
          "HEAD /study",
          "GET /assets/{file}",
          "POST /api/predict",
          "POST /api/read",
          "POST /predict",
          "GET /api/models",
          "GET /api/model",
          "GET /healthz",
          "GET /readyz",
          "GET /metrics",
          "GET /v2",
          "GET /v2/health/live",
          "GET /v2/health/ready",
          "GET /v2/models/{name}",
          "GET /v2/models/{name}/ready",
          "POST /v2/models/{name}/infer",
          "GET /v2/models/{name}/versions/{version}",
          "GET /v2/models/{name}/versions/{version}/ready",
          "POST /v2/models/{name}/versions/{version}/infer");

  @RegisterExtension static final RunningServer server = RunningServer.forTheClass();

  @ParameterizedTest
  @CsvSource({
    "/, text/html",
    "/docs, text/html",
    "/openapi.json, application/json",
    "/assets/app.css, text/css",
    "/assets/docs.css, text/css",
    "/assets/js/main.js, text/javascript",
    "/assets/js/canvas.js, text/javascript",
    "/assets/js/docs.js, text/javascript",
    "/assets/favicon.svg, image/svg+xml"
  })
  void servedWithItsContentTypeAndRevalidated(String path, String contentType) {
    HttpResponse<String> response = server.get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    String etag = response.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        server.send(HttpRequest.newBuilder(server.uri(path)).header("If-None-Match", etag).build());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void everyFileOfTheAssetsFolderIsServed() throws IOException {
    Path folder = Path.of("src/main/resources/web/assets");
    List<String> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(Files::isRegularFile)
              .map(file -> folder.relativize(file).toString().replace('\\', '/'))
              .toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    for (String file : files) {
      HttpResponse<String> response = server.get("/assets/" + file);
      assertThat(response.statusCode()).as(file).isEqualTo(200);
      assertThat(response.body())
          .as(file)
          .isEqualTo(Files.readString(folder.resolve(file), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "/assets/missing.js",
    "/assets/APP.CSS",
    "/assets/app.css.bak",
    "/assets/js/",
    "/assets/..%2findex.html",
    "/assets/js/%2e%2e/app.css",
    "/assets/digits.model"
  })
  void nothingOutsideTheAssetsIsServedFromThere(String path) {
    HttpResponse<String> response = server.get(path);

    assertThat(response.statusCode()).as(path).isBetween(400, 404);
    assertThat(response.body()).doesNotContain("<html", "body {");
  }

  @Test
  void pageCarriesSecurityHeadersAndNoCors() {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/"))
                .header("Origin", "https://elsewhere.example")
                .build());

    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe", "http"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.body())
        .contains("<canvas", "/assets/js/main.js")
        .doesNotContain("http://", "https://");
  }

  @Test
  void pageLoadsNothingFromOtherHosts() {
    for (String path :
        List.of(
            "/",
            "/docs",
            "/assets/app.css",
            "/assets/docs.css",
            "/assets/js/main.js",
            "/assets/js/canvas.js",
            "/assets/js/api.js",
            "/assets/js/results.js",
            "/assets/js/format.js",
            "/assets/js/docs.js")) {
      assertThat(server.get(path).body())
          .as(path)
          .doesNotContainPattern("(src|href|url|import|from)\\s*[=(]?\\s*['\"]?https?://");
    }
  }

  @Test
  void headRequestsAnswerWithoutABody() {
    HttpResponse<String> response =
        server.send(
            HttpRequest.newBuilder(server.uri("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void openApiDocumentsEveryRoute() {
    JsonNode document = RunningServer.json(server.get("/openapi.json"));

    assertThat(document.get("openapi").asText()).startsWith("3.1");
    List<String> documented = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> documented.add(method.toUpperCase() + " " + path.getKey())));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ROUTES);
  }

  @Test
  void everyDocumentedRouteIsServed() {
    for (String route : ROUTES) {
      String[] methodAndPath = route.split(" ");
      String path =
          methodAndPath[1]
              .replace("{file}", "app.css")
              .replace("{name}", "fake-a")
              .replace("{version}", "1");
      HttpResponse<String> response =
          switch (methodAndPath[0]) {
            case "GET" -> server.get(path);
            case "HEAD" ->
                server.send(
                    HttpRequest.newBuilder(server.uri(path))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build());
            default -> server.postJson(path, "{}");
          };
      assertThat(response.statusCode()).as(route).isNotEqualTo(405);
      if (response.statusCode() == 404 && !methodAndPath[0].equals("HEAD")) {
        // Only a page the build may lack answers 404, and says so in its own words.
        assertThat(RunningServer.json(response).get("error").asText())
            .as(route)
            .isNotEqualTo("not_found");
      }
    }
  }

  @Test
  void everyDocumentedResponseAndSchemaReferenceResolves() {
    JsonNode document = RunningServer.json(server.get("/openapi.json"));
    List<String> references = new ArrayList<>();
    collectReferences(document, references);

    assertThat(references).isNotEmpty();
    for (String reference : references) {
      assertThat(reference).startsWith("#/components/");
      String[] parts = reference.substring(2).split("/");
      assertThat(document.path(parts[0]).path(parts[1]).path(parts[2]).isMissingNode())
          .as(reference)
          .isFalse();
    }
  }

  @Test
  void predictionDocumentsEveryStatusItCanAnswer() {
    JsonNode responses =
        RunningServer.json(server.get("/openapi.json")).at("/paths/~1api~1predict/post/responses");
    List<String> statuses = new ArrayList<>();
    responses.fieldNames().forEachRemaining(statuses::add);

    assertThat(statuses).contains("200", "400", "404", "405", "413", "415", "422", "500", "503");
  }

  private static void collectReferences(JsonNode node, List<String> references) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("$ref")) {
                  references.add(field.getValue().asText());
                } else {
                  collectReferences(field.getValue(), references);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectReferences(child, references));
    }
  }
}
