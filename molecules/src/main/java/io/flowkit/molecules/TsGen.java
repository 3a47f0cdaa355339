package io.flowkit.molecules;

import ai.djl.Device;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.io.CdkMolecules;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.molecules.smiles.StageException;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * One-line transition states: {@code TsGen.transitionState(reactant, product)} with the default
 * model shipped in this jar and the default generator (the defaults of
 * {@link TransitionStateGenerator}: midpoint method, 2 steps, 2 samples each way, their mean; seed 0),
 * or {@code TsGen.fromReactionSmiles(smiles)} from an atom-mapped reaction SMILES alone. The model is
 * loaded on first use and kept for the life of the class, as in every module's entry class. For
 * other settings build a {@link TransitionStateGenerator} (and a {@link ReactionGeometries}).
 */
public final class TsGen {

    private TsGen() {}

    /** The default generator, made on first use. */
    private static final class Default {
        static final TransitionStateGenerator GENERATOR =
                TransitionStateGenerator.builder().setModel(TsGenModel.loadDefault(Device.cpu())).build();
        static final ReactionGeometries GEOMETRIES = ReactionGeometries.builder().build();
    }

    /**
     * The transition state between a reactant and a product.
     *
     * @param reactant R, geometry in Å
     * @param product P, the same atoms in the same order
     * @return the transition state, placed at the reactant's position
     * @throws IllegalArgumentException if the atoms differ, overlap or include an element the model
     *     was not trained on (it knows H, C, N and O)
     */
    public static Molecule transitionState(Molecule reactant, Molecule product) {
        return Default.GENERATOR.generate(reactant, product);
    }

    /**
     * The transition state of a reaction given only as an atom-mapped reaction SMILES: 3D reactant
     * and product geometries are built and optimised with GFN2-xTB ({@link ReactionGeometries},
     * defaults: 3 conformers per side, the closest pair kept), then the default model generates the
     * transition state. Atom k of the result is the atom with map number k + 1. Needs {@code xtb} on
     * the path (or {@code FLOWKIT_XTB}).
     *
     * @param smiles for example {@code [C:1]([H:3])([H:4])([H:5])[O:2][H:6]>>...}, every atom mapped
     * @return the transition state, atoms in map order, titled with the SMILES
     * @throws io.flowkit.molecules.smiles.StageException naming the stage that failed (parse, 3D
     *     build, xtb optimisation, generation) and the problem
     */
    public static Molecule fromReactionSmiles(String smiles) {
        ReactionGeometries.Prepared prepared = Default.GEOMETRIES.prepare(smiles, smiles);
        try {
            return transitionState(prepared.reactant(), prepared.product());
        } catch (IllegalArgumentException e) {
            throw new StageException(StageException.Stage.GENERATE, e.getMessage(), e);
        }
    }

    /**
     * The transition state between a reactant and a product given as CDK containers with 3D
     * coordinates.
     *
     * @param reactant R
     * @param product P, the same atoms in the same order
     * @return the transition state as a new container (atoms and bonds of R, new coordinates)
     * @throws IllegalArgumentException as {@link #transitionState(Molecule, Molecule)}, or if a
     *     container lacks 3D coordinates
     */
    public static IAtomContainer transitionState(IAtomContainer reactant, IAtomContainer product) {
        Molecule ts = transitionState(CdkMolecules.fromAtomContainer(reactant), CdkMolecules.fromAtomContainer(product));
        return CdkMolecules.toAtomContainer(ts);
    }
}
