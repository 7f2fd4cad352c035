package dev.digits.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

  @Test
  void theSharesOfEveryCountCoverEachPositionOnceInOrder() {
    for (int size : new int[] {0, 1, 2, 7, 64, 100, 1001}) {
      for (int count = 1; count <= 12; count++) {
        List<Integer> positions = new ArrayList<>();
        for (int index = 0; index < count; index++) {
          Shard shard = new Shard(index, count);
          int from = shard.from(size);
          assertThat(from)
              .as("shard %s of %d starts where the last ended", shard, size)
              .isEqualTo(positions.size());
          for (int p = from; p < from + shard.size(size); p++) {
            positions.add(p);
          }
        }
        List<Integer> all = new ArrayList<>();
        for (int p = 0; p < size; p++) {
          all.add(p);
        }
        assertThat(positions).as("%d shards of %d", count, size).isEqualTo(all);
      }
    }
  }

  @Test
  void sharesDifferInSizeByAtMostOne() {
    for (int index = 0; index < 7; index++) {
      assertThat(new Shard(index, 7).size(100)).isBetween(14, 15);
    }
  }

  @Test
  void parsesIndexOverCount() {
    assertThat(Shard.parse("2/8")).isEqualTo(new Shard(2, 8));
    assertThat(Shard.parse("0/1")).isEqualTo(Shard.ALL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3/3", "-1/3", "1/0", "0/0", "a/b", "1", "1/2/3", "", "99999999999/3"})
  void refusesShardsThatDoNotExist(String text) {
    assertThatThrownBy(() -> Shard.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shard");
  }

  @Test
  void anIndexedJobsVariablesGiveTheShard() {
    assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "4", "DIGITS_SHARDS", "5")))
        .isEqualTo(new Shard(4, 5));
    assertThat(Shard.fromEnvironment(Map.of())).isEqualTo(Shard.ALL);
  }

  @Test
  void oneVariableWithoutTheOtherIsAMistake() {
    assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1")))
        .hasMessage(
            "JOB_COMPLETION_INDEX is set but DIGITS_SHARDS is not: a shard needs both (or --shard"
                + " I/N)");
    assertThatThrownBy(
            () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "5", "DIGITS_SHARDS", "5")))
        .hasMessageContaining("from JOB_COMPLETION_INDEX=5 and DIGITS_SHARDS=5");
  }
}
