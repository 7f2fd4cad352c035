/**
 * From what a person drew or photographed to the 28×28 image the model expects, done the way MNIST
 * itself was made: decode, find the ink, crop, scale to 20 px, centre by mass. Pure Java, no DJL.
 * The fast PNG decoder lives apart, in {@link dev.digits.preprocessing.png}.
 */
package dev.digits.preprocessing;
