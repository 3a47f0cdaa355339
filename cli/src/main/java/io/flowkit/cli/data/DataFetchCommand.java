package io.flowkit.cli.data;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.fetch.DataFetcher;
import io.flowkit.datasets.fetch.DataManifest;
import io.flowkit.datasets.fetch.DatasetEntry;
import io.flowkit.datasets.fetch.FetchResult;
import io.flowkit.datasets.fetch.FileOutcome;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowkit data fetch}: downloads the missing files of the data sets, verified. */
@Command(name = "fetch", mixinStandardHelpOptions = true, header = "Downloads the missing data sets into the data root.",
        footer = {"", "Example: flowkit data fetch --only reactions/rdb7"},
        description = {"Downloads the data sets (all, or those named by --only) into the data root, from each file's "
                + "original address or from a mirror (--mirror URL: URL/FOLDER/PATH for every file).",
            "Files already there with the right size and SHA-256 are skipped; an interrupted download resumes from its "
                + ".part file; every file is checked against its SHA-256 before it takes its final name.",
            "Progress goes to stderr, the summary to stdout; the exit status is 1 if any file failed."})
final class DataFetchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "a data set to fetch, by short name (see 'flowkit data list'); repeatable (default: all)")
    private List<String> only = new ArrayList<>();

    @Option(names = "--mirror", paramLabel = "URL", description = "fetch every file from URL/FOLDER/PATH instead of its original address")
    private URI mirror;

    @Option(names = "--root", paramLabel = "DIR", description = "the data root to fill (default: FLOWKIT_DATA, else ~/.flowkit/data)")
    private Path root;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "limit for connecting and for a server to start answering (default: ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Option(names = "--retries", defaultValue = "3", description = "retries of a dropped connection per file (default: ${DEFAULT-VALUE})")
    private int retries;

    @Override
    public Integer call() throws Exception {
        List<DatasetEntry> datasets;
        DataFetcher fetcher;
        try {
            datasets = DataManifest.load().select(only);
            fetcher = DataFetcher.builder().optRoot(root != null ? root : DataLocation.root()).optMirror(mirror)
                    .optTimeout(Duration.ofSeconds(timeoutSeconds)).optRetries(retries)
                    .optProgress(new FetchPrinter(System.err)).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        System.err.println("data fetch: " + datasets.size() + " data set(s) into " + fetcher.root().toAbsolutePath()
                + fetcher.mirror().map(m -> " from the mirror " + m).orElse(" from their original addresses"));
        List<FetchResult> results = fetcher.fetchAll(datasets);
        int failed = 0;
        for (FetchResult r : results) {
            System.out.printf("%s: %d downloaded (%s), %d already present, %d failed%n", r.dataset().name(),
                    r.downloaded(), ByteSizes.format(r.bytesReceived()), r.present(), r.failures().size());
            for (FileOutcome f : r.failures()) {
                System.out.println("  " + f.reason());
            }
            failed += r.failures().size();
        }
        if (failed > 0) {
            System.out.println(failed + " file(s) failed; run the command again to resume, or use --mirror");
            return 1;
        }
        System.out.println("all " + results.size() + " data set(s) in place under " + fetcher.root().toAbsolutePath());
        return 0;
    }
}
