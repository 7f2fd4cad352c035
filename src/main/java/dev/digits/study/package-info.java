/**
 * The regularization study: one architecture trained without penalties, with L1, with L2 and with
 * both, everything else identical, and the analysis of what each variant gets wrong — written as
 * {@code study.json} and a self-contained HTML report.
 */
package dev.digits.study;
