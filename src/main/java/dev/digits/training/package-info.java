/**
 * The training loop: batches, augmentation, optimizer, learning-rate schedule, L1/L2 penalties,
 * progress reporting, checkpoints and resume.
 */
package dev.digits.training;
