package io.flowkit.cli.tsgen;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.generate.GenerationResult;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.refine.XtbRefiner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowkit tsgen generate}: transition states for paired reactant and product files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates a transition state for each reactant/product pair (record i of each file).",
            "SDF/MOL or XYZ in and out, chosen by extension. Reactions that fail are reported on stderr and left out;",
            "the others are written in input order, each titled with its reaction, and the exit status is 1."})
final class TsGenGenerateCommand implements Callable<Integer> {

    @Option(names = "--reactants", required = true, description = "reactant geometries (.sdf, .mol, .xyz)")
    private Path reactants;

    @Option(names = "--products", required = true, description = "product geometries, same atoms in the same order")
    private Path products;

    @Option(names = "--out", required = true, description = "where the transition states go (.sdf or .xyz)")
    private Path out;

    @Option(names = "--refine", paramLabel = "xtb", description = "refine each generated TS with GFN2-xTB (forming and "
            + "breaking distances held, the rest relaxed); a structure xtb cannot refine safely is written unrefined, "
            + "and said so on stderr")
    private String refine;

    @Mixin
    private SamplerOptions sampler = new SamplerOptions();

    @Override
    public Integer call() throws Exception {
        List<Molecule> r = MoleculeFiles.readAll(reactants);
        List<Molecule> p = MoleculeFiles.readAll(products);
        if (r.size() != p.size()) {
            throw new IllegalArgumentException(reactants + " holds " + r.size() + " molecules but " + products + " holds "
                    + p.size() + ": record i of each file must be one reaction");
        }
        List<Reaction> reactions = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String id = r.get(i).title().isBlank() ? "record " + i : r.get(i).title();
            try {
                reactions.add(Reaction.of(id, r.get(i), p.get(i)));
            } catch (IllegalArgumentException e) {
                invalid.add(where(i, r.get(i)) + ": " + e.getMessage());
                reactions.add(null);
            }
        }
        try (TsGenModel loaded = sampler.load()) {
            TransitionStateGenerator generator = sampler.generator(loaded);
            List<Reaction> valid = reactions.stream().filter(x -> x != null).toList();
            GenerationResult result = generator.generate(valid);
            if (refine != null && !refine.equals("xtb")) {
                throw new IllegalArgumentException("--refine takes xtb: " + refine);
            }
            XtbRefiner refiner = refine == null ? null : XtbRefiner.builder().build();
            List<Molecule> written = new ArrayList<>();
            List<String> failed = new ArrayList<>(invalid);
            int k = 0;
            for (int i = 0; i < reactions.size(); i++) {
                if (reactions.get(i) == null) {
                    continue;
                }
                int index = k++;
                if (result.transitionStates().get(index).isPresent()) {
                    Molecule ts = result.transitionStates().get(index).get();
                    if (refiner != null) {
                        XtbRefiner.Refined refined = refiner.refine(reactions.get(i), ts);
                        if (!refined.refined()) {
                            System.err.println("not refined: " + where(i, r.get(i)) + ": " + refined.note());
                        }
                        ts = refined.structure();
                    }
                    written.add(ts);
                }
                if (result.failures().containsKey(index)) {
                    failed.add(where(i, r.get(i)) + ": " + result.failures().get(index));
                }
            }
            for (String f : failed) {
                System.err.println("failed: " + f);
            }
            if (written.isEmpty()) {
                // Never replace an existing output with nothing.
                System.err.println("no transition state was generated; " + out + " was not written");
                return 1;
            }
            MoleculeFiles.write(out, written);
            System.err.printf(Locale.ROOT, "wrote %d transition states to %s (%s; %.1f ms per reaction; model: %s)%n",
                    written.size(), out, generator.describe(), 1000 * result.seconds() / Math.max(1, valid.size()),
                    loaded.source());
            if (!failed.isEmpty()) {
                System.err.println(failed.size() + " of " + r.size() + " reactions failed (listed above, by record from 0 "
                        + "in " + reactants.getFileName() + " and " + products.getFileName() + ")");
            }
            return failed.isEmpty() ? 0 : 1;
        }
    }

    /** Names a record the same way everywhere: the two files, the record counted from 0, its title. */
    private String where(int record, Molecule reactant) {
        return reactants.getFileName() + " + " + products.getFileName() + " record " + record
                + (reactant.title().isBlank() ? "" : " (" + reactant.title() + ")");
    }
}
