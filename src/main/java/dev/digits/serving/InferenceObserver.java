package dev.digits.serving;

/** What a {@link BatchingClassifier} tells about its work; {@link ServerMetrics} counts it. */
public interface InferenceObserver {
  /** Observes nothing. */
  InferenceObserver NONE =
      new InferenceObserver() {
        @Override
        public void waited(long nanos) {}

        @Override
        public void forwardPass(int images, long nanos) {}
      };

  /** An image waited {@code nanos} in the queue before its forward pass began. */
  void waited(long nanos);

  /** One forward pass of {@code images} images took {@code nanos}. */
  void forwardPass(int images, long nanos);
}
