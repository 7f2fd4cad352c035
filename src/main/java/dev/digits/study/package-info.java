/**
 * The regularization study: one architecture trained without penalties, with L1, with L2 and with
 * both, everything else identical, and the analysis of what each variant gets wrong.
 */
package dev.digits.study;
