package dev.digits.serving;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /study}: the regularization study's report, when the build bundles one ({@code
 * models/study/index.html} in the repository), or a friendly 404 saying it was not published.
 *
 * <p>The report is self-contained, so its style sheet and script are inline. Rather than opening
 * the whole server's policy to inline code, this page gets its own: its inline {@code <style>} and
 * {@code <script>} elements are allowed by their SHA-256 hashes, images only as data URLs, and
 * nothing at all may be fetched.
 */
final class StudyPage implements Handler {
  /** Where the build puts the report on the class path. */
  static final String RESOURCE = "/models/study/index.html";

  private static final Pattern INLINE =
      Pattern.compile("<(style|script)>(.*?)</\\1>", Pattern.DOTALL);

  private final Optional<StaticPage> report;
  private final String policy;
  private final StaticPage missing;

  private StudyPage(Optional<StaticPage> report) {
    this.report = report;
    this.policy = report.map(page -> policyFor(page.text())).orElse("");
    this.missing = StaticPage.load("/web/study-missing.html", "text/html; charset=utf-8");
  }

  /** The page for the report at {@code resource}, which may be absent. */
  static StudyPage load(String resource) {
    return new StudyPage(StaticPage.find(resource, "text/html; charset=utf-8"));
  }

  @Override
  public void handle(Context ctx) throws Exception {
    if (report.isPresent()) {
      ctx.header("Content-Security-Policy", policy);
      report.get().handle(ctx);
      return;
    }
    ctx.status(404);
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/html")) {
      ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8");
      ctx.result(missing.text());
    } else {
      ctx.json(
          new ApiResponses.ErrorBody(
              "study_not_published",
              "This build has no regularization study: run `digits study --output models/study`"
                  + " and rebuild to publish its report here."));
    }
  }

  /** A policy that allows exactly the page's inline style and script elements. */
  static String policyFor(String html) {
    StringBuilder styles = new StringBuilder();
    StringBuilder scripts = new StringBuilder();
    Matcher inline = INLINE.matcher(html);
    while (inline.find()) {
      String hash = " 'sha256-" + sha256Base64(inline.group(2)) + "'";
      (inline.group(1).equals("style") ? styles : scripts).append(hash);
    }
    return "default-src 'none'; img-src data:; style-src"
        + (styles.isEmpty() ? " 'none'" : styles)
        + "; script-src"
        + (scripts.isEmpty() ? " 'none'" : scripts)
        + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  private static String sha256Base64(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
