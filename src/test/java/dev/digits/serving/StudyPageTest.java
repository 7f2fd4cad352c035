package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@code /study}: the bundled report with its own policy, or a friendly "not published". */
class StudyPageTest {

  @Test
  void servesTheBundledReportOrSaysThereIsNone() {
    boolean bundled = StudyPage.class.getResource(StudyPage.RESOURCE) != null;
    try (RunningServer server = RunningServer.start(FakeClassifier.catalog())) {
      HttpResponse<String> response = server.get("/study");
      HttpResponse<String> head =
          server.send(
              HttpRequest.newBuilder(server.uri("/study"))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build());

      if (bundled) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
            .hasValueSatisfying(
                csp ->
                    assertThat(csp)
                        .startsWith("default-src 'none'; img-src data:;")
                        .contains("style-src 'sha256-", "script-src 'sha256-")
                        .doesNotContain("unsafe", "http"));
        assertThat(head.statusCode()).isEqualTo(200);
      } else {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).get("error").asText())
            .isEqualTo("study_not_published");
        assertThat(head.statusCode()).isEqualTo(404);

        HttpResponse<String> page =
            server.send(
                HttpRequest.newBuilder(server.uri("/study"))
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .build());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("No study published yet", "href=\"/\"");
      }
    }
  }

  @Test
  void policyAllowsExactlyThePagesInlineStyleAndScript() throws Exception {
    String html =
        "<!doctype html><style>\nbody { color: red; }\n</style><p>Hi</p>"
            + "<script>document.title = 'ok';</script>";

    assertThat(StudyPage.policyFor(html))
        .isEqualTo(
            "default-src 'none'; img-src data:; style-src 'sha256-"
                + sha256("\nbody { color: red; }\n")
                + "'; script-src 'sha256-"
                + sha256("document.title = 'ok';")
                + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    assertThat(StudyPage.policyFor("<p>plain</p>")).contains("style-src 'none'; script-src 'none'");
  }

  private static String sha256(String text) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
