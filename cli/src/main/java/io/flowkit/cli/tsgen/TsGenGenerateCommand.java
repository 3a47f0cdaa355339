package io.flowkit.cli.tsgen;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.batch.ReactionRecord;
import io.flowkit.molecules.batch.TsGenBatch;
import io.flowkit.molecules.batch.TsRecord;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.refine.XtbRefiner;
import io.flowkit.molecules.smiles.ReactionGeometries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowkit tsgen generate}: transition states for paired reactant and product files. */
@Command(name = "generate", mixinStandardHelpOptions = true, header = "Generates transition states from reactant and product geometries or reaction SMILES.",
        description = {"Generates a transition state for each reactant/product pair (record i of each file), or for each",
            "atom-mapped reaction SMILES of a file (--smiles; one per line, optionally a name after a space or tab; atom k",
            "of the output is the atom with map number k + 1; 3D reactant and product geometries are built with CDK and",
            "optimised with GFN2-xTB, which must be installed). SDF/MOL or XYZ in and out, chosen by extension.",
            "Reactions that fail are reported on stderr (by record, or by line and stage) and left out; the others are",
            "written in input order, each titled with its reaction, and the exit status is 1.",
            "Example: flowkit tsgen generate --smiles reactions.smi --out ts.sdf"})
final class TsGenGenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "where the transition states go (.sdf or .xyz)")
    private Path out;

    @Mixin
    private ReactionInputs inputs = new ReactionInputs();

    @Mixin
    private SamplerOptions sampler = new SamplerOptions();

    @Override
    public Integer call() throws Exception {
        inputs.checkRefine();
        MoleculeFiles.checkWritable(out);
        List<ReactionRecord> records = inputs.read();
        try (TsGenModel loaded = sampler.load()) {
            TransitionStateGenerator generator = sampler.generator(loaded);
            TsGenBatch.Builder batch = TsGenBatch.builder().setGenerator(generator).optProgress(System.err::println);
            if (inputs.fromSmiles()) {
                batch.optGeometries(ReactionGeometries.builder().optConformers(inputs.conformers()).optSeed(sampler.seed).build());
            }
            if (inputs.refine()) {
                batch.optRefiner(XtbRefiner.builder().build());
            }
            long t0 = System.nanoTime();
            List<TsRecord> outcomes = batch.build().run(records);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return write(outcomes, generator, loaded, seconds);
        }
    }

    private int write(List<TsRecord> outcomes, TransitionStateGenerator generator, TsGenModel loaded, double seconds)
            throws Exception {
        List<Molecule> written = new ArrayList<>();
        Map<TsRecord.Stage, Integer> byStage = new EnumMap<>(TsRecord.Stage.class);
        for (TsRecord o : outcomes) {
            if (o.succeeded()) {
                written.add(o.transitionState());
                if (o.note() != null) {
                    System.err.println("not refined: " + o.name() + ": " + o.note());
                }
            } else {
                byStage.merge(o.stage(), 1, Integer::sum);
                System.err.println("failed: " + o.message());
            }
        }
        if (written.isEmpty()) {
            // Never replace an existing output with nothing.
            System.out.println("no transition state was generated; " + out + " was not written");
            return 1;
        }
        MoleculeFiles.write(out, written);
        System.out.printf(Locale.ROOT, "wrote %d transition states to %s (%s; %.2f s per reaction; model: %s)%n",
                written.size(), out, generator.describe(), seconds / Math.max(1, outcomes.size()), loaded.source());
        int failed = outcomes.size() - written.size();
        if (failed > 0) {
            List<String> stages = new ArrayList<>();
            byStage.forEach((stage, count) -> stages.add(stage.label() + " " + count));
            System.out.println(failed + " of " + outcomes.size() + " reactions failed (listed on stderr); by stage: "
                    + String.join(", ", stages));
        }
        return failed == 0 ? 0 : 1;
    }
}
