/**
 * MNIST on disk: fetching the four IDX files from the first source that has them, verifying their
 * SHA-256, caching them atomically, and reading them into memory with strict format checks.
 */
package dev.digits.data;
