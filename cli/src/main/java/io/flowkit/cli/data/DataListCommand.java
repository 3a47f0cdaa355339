package io.flowkit.cli.data;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.fetch.DataManifest;
import io.flowkit.datasets.fetch.DatasetEntry;
import io.flowkit.datasets.fetch.DatasetState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit data list}: every data set, and whether it is under the data root. */
@Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the data sets and their state under the data root.",
        footer = {"", "Example: flowkit data list --verify"},
        description = {"Lists the data sets: name, folder, state under the data root (present, missing, incomplete), "
                + "size, licence and source.",
            "The state compares file sizes; --verify compares SHA-256 checksums too."})
final class DataListCommand implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "DIR", description = "the data root (default: FLOWKIT_DATA, else ~/.flowkit/data)")
    private Path root;

    @Option(names = "--verify", description = "compare SHA-256 checksums as well as sizes (reads every file)")
    private boolean verify;

    @Override
    public Integer call() throws Exception {
        Path dataRoot = root != null ? root : DataLocation.root();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "FOLDER", "STATE", "SIZE", "LICENCE", "SOURCE"});
        for (DatasetEntry d : DataManifest.load().datasets()) {
            rows.add(new String[] {d.name(), d.folder(), DatasetState.of(dataRoot, d, verify).label(),
                ByteSizes.format(d.totalBytes()), d.licence(), d.source().toString()});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        System.out.println("data root: " + dataRoot.toAbsolutePath());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                line.append(c == r.length - 1 ? r[c] : String.format("%-" + width[c] + "s  ", r[c]));
            }
            System.out.println(line.toString().stripTrailing());
        }
        return 0;
    }
}
