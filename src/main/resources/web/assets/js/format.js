// Numbers as the page shows them, the same way everywhere: a model's test accuracy with two
// decimals (as its file records it), a probability with one, and never a rounding that claims
// certainty or impossibility: a softmax in single precision rounds 0.99997 to 1.

const twoDecimals = new Intl.NumberFormat(undefined, {
  style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2,
});
const oneDecimal = new Intl.NumberFormat(undefined, {
  style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1,
});

/** A model's accuracy on the MNIST test set: "99.64%". */
export function accuracy(fraction) {
  return twoDecimals.format(fraction);
}

/** A probability: "97.3%", ">99.9%" for 0.9997 (and 1), "<0.1%" for 0.0002 (and 0). */
export function probability(fraction) {
  if (fraction >= 0.9995) {
    return `>${oneDecimal.format(0.999)}`;
  }
  if (fraction < 0.0005) {
    return `<${oneDecimal.format(0.001)}`;
  }
  return oneDecimal.format(fraction);
}
