package dev.digits.training;

import dev.digits.model.TrainingConfig.Schedule;

/** The learning rate at each optimizer step of a run, from its schedule and peak rate. */
final class LearningRateSchedule {
  private static final double ONE_CYCLE_WARM_UP = 0.25;
  private static final double ONE_CYCLE_START_DIVISOR = 25;
  private static final double ONE_CYCLE_END_DIVISOR = 1e4;
  private static final double COSINE_WARM_UP = 0.03;

  private final Schedule schedule;
  private final double peak;
  private final long totalSteps;

  LearningRateSchedule(Schedule schedule, float peak, long totalSteps) {
    this.schedule = schedule;
    this.peak = peak;
    this.totalSteps = Math.max(1, totalSteps);
  }

  /** The rate for step {@code step} (0-based). */
  float at(long step) {
    double progress = Math.min(1.0, (double) step / totalSteps);
    return (float)
        switch (schedule) {
          case CONSTANT -> peak;
          case ONE_CYCLE -> oneCycle(progress);
          case COSINE -> cosine(progress);
        };
  }

  /**
   * Linear warm-up from peak/25 to the peak over the first quarter, then cosine annealing down to
   * peak/25/10⁴, as in Smith's one-cycle policy and PyTorch's {@code OneCycleLR}.
   */
  private double oneCycle(double progress) {
    double start = peak / ONE_CYCLE_START_DIVISOR;
    if (progress < ONE_CYCLE_WARM_UP) {
      return start + (peak - start) * progress / ONE_CYCLE_WARM_UP;
    }
    double end = start / ONE_CYCLE_END_DIVISOR;
    double annealed = (progress - ONE_CYCLE_WARM_UP) / (1 - ONE_CYCLE_WARM_UP);
    return end + (peak - end) * (1 + Math.cos(Math.PI * annealed)) / 2;
  }

  /** A short linear warm-up, then cosine annealing from the peak to zero. */
  private double cosine(double progress) {
    if (progress < COSINE_WARM_UP) {
      return peak * (progress + 1.0 / totalSteps) / COSINE_WARM_UP;
    }
    double annealed = (progress - COSINE_WARM_UP) / (1 - COSINE_WARM_UP);
    return peak * (1 + Math.cos(Math.PI * annealed)) / 2;
  }
}
