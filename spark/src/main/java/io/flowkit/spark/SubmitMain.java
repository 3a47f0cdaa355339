package io.flowkit.spark;

import io.flowkit.spark.tsgen.SparkTsGen;
import io.flowkit.spark.upsample.SparkUpsample;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The entry point for {@code spark-submit} with the shaded jar: the cluster's session (its master
 * comes from spark-submit), the job of {@code flowkit spark tsgen} or {@code flowkit spark upsample}.
 *
 * <pre>
 * spark-submit --class io.flowkit.spark.SubmitMain flowkit-spark-VERSION-all.jar tsgen --reactants R.sdf --products P.sdf --out TS.parquet
 * spark-submit --class io.flowkit.spark.SubmitMain flowkit-spark-VERSION-all.jar upsample --in sparse/ --out dense/ --ratio 4
 * </pre>
 *
 * Options: tsgen {@code --reactants --products | --smiles}, {@code --out}, {@code --model},
 * {@code --seed}, {@code --conformers}, {@code --partitions}; upsample {@code --in}, {@code --out},
 * {@code --ratio}, {@code --model}, {@code --seed}, {@code --steps}, {@code --partitions}. The exit
 * status is 1 when a record failed (listed on stderr), 2 on a usage error.
 */
public final class SubmitMain {

    private static final Set<String> TSGEN = Set.of("reactants", "products", "smiles", "out", "model", "seed",
            "conformers", "partitions");
    private static final Set<String> UPSAMPLE = Set.of("in", "out", "ratio", "model", "seed", "steps", "partitions");

    private SubmitMain() {}

    /**
     * Runs a job and exits with its status.
     *
     * @param args {@code tsgen|upsample --option value ...}
     * @throws Exception if the job cannot run
     */
    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("flowkit-spark: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /**
     * Runs a job in the session spark-submit configured.
     *
     * @param args {@code tsgen|upsample --option value ...}
     * @return 0 when every record succeeded, else 1
     * @throws Exception if the job cannot run
     * @throws IllegalArgumentException on a usage error, naming it
     */
    static int run(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("tsgen") || args[0].equals("upsample"))) {
            throw new IllegalArgumentException("the first argument is tsgen or upsample, then --option value pairs");
        }
        boolean tsgen = args[0].equals("tsgen");
        Map<String, String> o = options(List.of(args).subList(1, args.length), tsgen ? TSGEN : UPSAMPLE);
        // Usage is checked before a session starts.
        required(o, tsgen ? "out" : "in");
        required(o, "out");
        if (tsgen && !o.containsKey("smiles")) {
            required(o, "reactants");
            required(o, "products");
        }
        SparkSession spark = SparkSession.builder().appName("flowkit " + args[0]).getOrCreate();
        try {
            List<String> failures;
            if (tsgen) {
                SparkTsGen.Builder b = SparkTsGen.builder().optSeed(Long.parseLong(o.getOrDefault("seed", "0")))
                        .optConformers(Integer.parseInt(o.getOrDefault("conformers", "3")))
                        .optPartitions(Integer.parseInt(o.getOrDefault("partitions", "0")));
                if (o.containsKey("model")) {
                    b.optModel(Path.of(o.get("model")));
                }
                Dataset<Row> in = o.containsKey("smiles") ? SparkTsGen.fromSmiles(spark, Path.of(o.get("smiles")))
                        : SparkTsGen.fromGeometries(spark, Path.of(required(o, "reactants")), Path.of(required(o, "products")));
                SparkTsGen.Written w = SparkTsGen.write(b.build().transitionStates(in), Path.of(required(o, "out")));
                failures = w.failures();
                System.err.println("wrote " + w.written() + " transition states to " + o.get("out"));
            } else {
                SparkUpsample.Builder b = SparkUpsample.builder().optRatio(Integer.parseInt(o.getOrDefault("ratio", "4")))
                        .optSeed(Long.parseLong(o.getOrDefault("seed", "0")))
                        .optSteps(Integer.parseInt(o.getOrDefault("steps", "1")))
                        .optPartitions(Integer.parseInt(o.getOrDefault("partitions", "0")));
                if (o.containsKey("model")) {
                    b.optModel(Path.of(o.get("model")));
                }
                List<Row> status = b.build().run(spark, Path.of(required(o, "in")), Path.of(required(o, "out")));
                failures = status.stream().filter(r -> !r.getString(3).equals("ok")).map(r -> r.getString(4)).toList();
                System.err.println("wrote " + (status.size() - failures.size()) + " clouds to " + o.get("out"));
            }
            failures.forEach(f -> System.err.println("failed: " + f));
            return failures.isEmpty() ? 0 : 1;
        } finally {
            spark.stop();
        }
    }

    private static Map<String, String> options(List<String> args, Set<String> known) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i);
            if (!key.startsWith("--") || !known.contains(key.substring(2))) {
                throw new IllegalArgumentException("unknown option " + key + " (known: --" + String.join(", --",
                        known.stream().sorted().toList()) + ")");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            out.put(key.substring(2), args.get(i + 1));
        }
        return out;
    }

    private static String required(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
