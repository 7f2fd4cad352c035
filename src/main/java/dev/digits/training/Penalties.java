package dev.digits.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * The L1 and L2 penalties λ₁·Σ|w| + λ₂·Σw², summed over the weights of convolutions and dense
 * layers (not biases, not batch norm), added to the cross-entropy before back-propagation.
 *
 * <p>L2 is applied as a loss term rather than as the optimizer's weight decay so that both
 * penalties work the same way, show up in the reported loss, and mean the same with Adam and SGD
 * (with Adam, weight decay and an L2 term differ).
 */
final class Penalties {
  private final float l1;
  private final float l2;
  private final List<Parameter> weights;

  Penalties(float l1, float l2, Block block) {
    this.l1 = l1;
    this.l2 = l2;
    this.weights = penalizedWeights(block);
  }

  /** The weights the penalties apply to, in the block's order. */
  static List<Parameter> penalizedWeights(Block block) {
    return block.getParameters().values().stream()
        .filter(p -> p.getType() == Parameter.Type.WEIGHT)
        .toList();
  }

  /** True when at least one penalty is switched on. */
  boolean active() {
    return l1 > 0 || l2 > 0;
  }

  /**
   * The penalty as a scalar array that gradients flow through.
   *
   * <p>The arrays made here are computed from parameters, so DJL puts them in the model's manager,
   * which lives for the whole run; the caller must open an {@code NDScope} around the step so they
   * are freed with the batch's arrays instead of piling up.
   */
  NDArray term() {
    NDArray total = null;
    for (Parameter parameter : weights) {
      NDArray w = parameter.getArray();
      NDArray term = null;
      if (l1 > 0) {
        term = w.abs().sum().mul(l1);
      }
      if (l2 > 0) {
        NDArray squared = w.square().sum().mul(l2);
        term = term == null ? squared : term.add(squared);
      }
      total = total == null ? term : total.add(term);
    }
    return total;
  }
}
