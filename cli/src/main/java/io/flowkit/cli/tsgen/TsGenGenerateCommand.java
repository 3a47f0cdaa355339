package io.flowkit.cli.tsgen;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.generate.GenerationResult;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.refine.XtbRefiner;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.molecules.smiles.ReactionSmilesFile;
import io.flowkit.molecules.smiles.StageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowkit tsgen generate}: transition states for paired reactant and product files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates a transition state for each reactant/product pair (record i of each file), or for each",
            "atom-mapped reaction SMILES of a file (--smiles; one per line, optionally a name after a space or tab; atom k",
            "of the output is the atom with map number k + 1; 3D reactant and product geometries are built with CDK and",
            "optimised with GFN2-xTB, which must be installed). SDF/MOL or XYZ in and out, chosen by extension.",
            "Reactions that fail are reported on stderr (by record, or by line and stage) and left out; the others are",
            "written in input order, each titled with its reaction, and the exit status is 1.",
            "Example: flowkit tsgen generate --smiles reactions.smi --out ts.sdf"})
final class TsGenGenerateCommand implements Callable<Integer> {

    @Option(names = "--reactants", description = "reactant geometries (.sdf, .mol, .xyz)")
    private Path reactants;

    @Option(names = "--products", description = "product geometries, same atoms in the same order")
    private Path products;

    @Option(names = "--smiles", description = "a text file of atom-mapped reaction SMILES, one per line (instead of "
            + "--reactants and --products); blank lines and lines starting with # are skipped")
    private Path smiles;

    @Option(names = "--conformers", defaultValue = "3", description = "with --smiles: starting geometries per side "
            + "(default: ${DEFAULT-VALUE})")
    private int conformers;

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
        if (refine != null && !refine.equals("xtb")) {
            throw new IllegalArgumentException("--refine takes xtb: " + refine);
        }
        MoleculeFiles.checkWritable(out);
        List<Reaction> reactions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        int total;
        if (smiles != null) {
            if (reactants != null || products != null) {
                throw new IllegalArgumentException("give either --smiles or --reactants with --products, not both");
            }
            total = fromSmiles(reactions, names, invalid);
        } else {
            if (reactants == null || products == null) {
                throw new IllegalArgumentException("give --reactants and --products (or --smiles)");
            }
            total = fromGeometries(reactions, names, invalid);
        }
        return generate(reactions, names, invalid, total);
    }

    /** Reads the paired geometry files; returns the number of records. */
    private int fromGeometries(List<Reaction> reactions, List<String> names, List<String> invalid) throws Exception {
        List<Molecule> r = MoleculeFiles.readAll(reactants);
        List<Molecule> p = MoleculeFiles.readAll(products);
        if (r.size() != p.size()) {
            throw new IllegalArgumentException(reactants + " holds " + r.size() + " molecules but " + products + " holds "
                    + p.size() + ": record i of each file must be one reaction");
        }
        for (int i = 0; i < r.size(); i++) {
            String id = r.get(i).title().isBlank() ? "record " + i : r.get(i).title();
            names.add(reactants.getFileName() + " + " + products.getFileName() + " record " + i
                    + (r.get(i).title().isBlank() ? "" : " (" + r.get(i).title() + ")"));
            try {
                reactions.add(Reaction.of(id, r.get(i), p.get(i)));
            } catch (IllegalArgumentException e) {
                invalid.add(names.get(i) + ": " + e.getMessage());
                reactions.add(null);
            }
        }
        return r.size();
    }

    /** Reads the SMILES file and builds each reaction's geometries; returns the number of reactions. */
    private int fromSmiles(List<Reaction> reactions, List<String> names, List<String> invalid) throws Exception {
        List<ReactionSmilesFile.Line> lines = ReactionSmilesFile.read(smiles);
        ReactionGeometries geometries = ReactionGeometries.builder().optConformers(conformers).optSeed(sampler.seed)
                .build();
        Map<StageException.Stage, Integer> failures = new EnumMap<>(StageException.Stage.class);
        double seconds = 0;
        for (int i = 0; i < lines.size(); i++) {
            ReactionSmilesFile.Line line = lines.get(i);
            String name = smiles.getFileName() + " line " + line.number() + (line.name().isEmpty() ? "" : " (" + line.name() + ")");
            names.add(name);
            System.err.printf(Locale.ROOT, "tsgen: geometries %d/%d (%s)%n", i + 1, lines.size(), name);
            long t0 = System.nanoTime();
            try {
                String title = line.name().isEmpty() ? line.smiles() : line.name();
                ReactionGeometries.Prepared prepared = geometries.prepare(line.smiles(), title);
                reactions.add(Reaction.of(title, prepared.reactant(), prepared.product()));
            } catch (StageException e) {
                failures.merge(e.stage(), 1, Integer::sum);
                invalid.add(name + ": " + e.getMessage());
                reactions.add(null);
            }
            seconds += (System.nanoTime() - t0) / 1e9;
        }
        System.err.printf(Locale.ROOT, "tsgen: geometries of %d reactions in %.1f s (%.2f s per reaction); failed by stage: %s%n",
                lines.size(), seconds, seconds / Math.max(1, lines.size()), failures.isEmpty() ? "none" : failures);
        return lines.size();
    }

    private int generate(List<Reaction> reactions, List<String> names, List<String> invalid, int total) throws Exception {
        try (TsGenModel loaded = sampler.load()) {
            TransitionStateGenerator generator = sampler.generator(loaded);
            List<Reaction> valid = reactions.stream().filter(x -> x != null).toList();
            GenerationResult result = valid.isEmpty() ? null : generator.generate(valid);
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
                            System.err.println("not refined: " + names.get(i) + ": " + refined.note());
                        }
                        ts = refined.structure();
                    }
                    written.add(ts);
                }
                if (result.failures().containsKey(index)) {
                    failed.add(names.get(i) + ": generation: " + result.failures().get(index));
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
                System.err.println(failed.size() + " of " + total + " reactions failed (listed above)");
            }
            return failed.isEmpty() ? 0 : 1;
        }
    }
}
