package dev.digits.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.digits.model.TrainingConfig.Schedule;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void oneCycleWarmsUpFromATwentyFifthToThePeakThenAnnealsToAlmostZero() {
    LearningRateSchedule schedule = new LearningRateSchedule(Schedule.ONE_CYCLE, 0.01f, 1000);
    assertThat(schedule.at(0)).isCloseTo(0.0004f, within(1e-7f));
    assertThat(schedule.at(125)).isBetween(schedule.at(0), 0.01f);
    assertThat(schedule.at(250)).isCloseTo(0.01f, within(1e-7f));
    assertThat(schedule.at(600)).isLessThan(schedule.at(400));
    assertThat(schedule.at(1000)).isCloseTo(0.0004f / 1e4f, within(1e-9f));
  }

  @Test
  void cosineStartsSmallPeaksEarlyAndEndsAtZero() {
    LearningRateSchedule schedule = new LearningRateSchedule(Schedule.COSINE, 0.1f, 1000);
    assertThat(schedule.at(0)).isLessThan(0.01f);
    assertThat(schedule.at(30)).isCloseTo(0.1f, within(1e-3f));
    assertThat(schedule.at(515)).isCloseTo(0.05f, within(1e-3f));
    assertThat(schedule.at(1000)).isCloseTo(0f, within(1e-7f));
  }

  @Test
  void constantNeverMoves() {
    LearningRateSchedule schedule = new LearningRateSchedule(Schedule.CONSTANT, 0.02f, 10);
    assertThat(schedule.at(0)).isEqualTo(0.02f);
    assertThat(schedule.at(9)).isEqualTo(0.02f);
  }
}
