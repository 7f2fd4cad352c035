package dev.digits.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerConfigTest {

  @Test
  void defaultsAndRefusals() {
    ServerConfig defaults = ServerConfig.defaults();
    assertThat(defaults.port()).isEqualTo(8080);
    assertThat(defaults.maxRequestBytes()).isEqualTo(2L * 1024 * 1024);
    assertThatThrownBy(() -> ServerConfig.builder().address("0.0.0.0", 70_000).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerConfig.builder().maxRequestBytes(10).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ServerConfig.RequestThreads(2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(defaults.requestThreads())
        .isEqualTo(new ServerConfig.RequestThreads(64, ServerConfig.DEFAULT_REQUEST_NICE));
    assertThatThrownBy(() -> new ServerConfig.RequestThreads(64, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the request threads' nice increment must be in 0..19, got 20");
    assertThatThrownBy(() -> new ServerConfig.RequestThreads(64, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(defaults.maxConnections())
        .isEqualTo(ServerConfig.defaultMaxConnections())
        .isPositive();
    assertThatThrownBy(() -> ServerConfig.builder().maxConnections(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the connection limit must be at least 1, got 0");
  }

  @Test
  void aBuilderChangesOnlyWhatItIsTold() {
    ServerConfig changed = ServerConfig.builder().address("127.0.0.1", 0).maxConnections(5).build();
    ServerConfig copied = changed.toBuilder().maxRequestBytes(4096).build();
    assertThat(copied.host()).isEqualTo("127.0.0.1");
    assertThat(copied.port()).isZero();
    assertThat(copied.maxConnections()).isEqualTo(5);
    assertThat(copied.maxRequestBytes()).isEqualTo(4096);
    assertThat(copied.decoding()).isSameAs(changed.decoding());
    assertThat(copied.requestThreads()).isEqualTo(ServerConfig.defaults().requestThreads());
  }
}
