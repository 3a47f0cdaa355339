/**
 * Downloading the data sets under {@code FLOWKIT_DATA}: the manifest of every data set (folder,
 * licence, source, and each file's original address, size and SHA-256), a resuming, verifying
 * downloader, and the outcome of a fetch. {@code flowkit data fetch} is built on it.
 *
 * <pre>{@code
 * DataManifest manifest = DataManifest.load();
 * DataFetcher fetcher = DataFetcher.builder().optRoot(Path.of("data")).build();
 * FetchResult result = fetcher.fetch(manifest.dataset("grambow-842"));
 * }</pre>
 */
package io.flowkit.datasets.fetch;
