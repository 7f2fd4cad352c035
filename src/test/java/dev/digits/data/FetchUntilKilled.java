package dev.digits.data;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run in a separate JVM by {@link InterruptedFetchTest}: fetches the fake MNIST from a mirror and
 * prints "downloading" once bytes arrive, so the test knows when to kill it.
 *
 * <p>Arguments: cache folder, mirror URL.
 */
public final class FetchUntilKilled {
  private FetchUntilKilled() {}

  public static void main(String[] args) throws Exception {
    FetchListener announcer =
        new FetchListener() {
          private boolean announced;

          @Override
          public void progress(MnistFile file, long bytesDone, long totalBytes) {
            if (!announced) {
              announced = true;
              System.out.println("downloading");
              System.out.flush();
            }
          }
        };
    MnistFetcher.builder(Path.of(args[0]))
        .sources(
            List.of(
                new HttpMirrorSource(
                    URI.create(args[1]), Duration.ofSeconds(5), Duration.ofMinutes(5))))
        .expectedSha256(new FakeMnist().hashes())
        .build()
        .fetch(announcer);
  }
}
