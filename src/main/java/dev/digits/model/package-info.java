/**
 * What a trained model is: the architectures, the self-describing model file (weights plus
 * metadata), and the fast classifier that answers for 28×28 images. Knows nothing of HTTP or files'
 * origins.
 */
package dev.digits.model;
