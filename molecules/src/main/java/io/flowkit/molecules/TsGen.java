package io.flowkit.molecules;

import ai.djl.Device;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.io.CdkMolecules;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * One-line transition states: {@code TsGen.transitionState(reactant, product)} with the default
 * model shipped in this jar and the default generator (midpoint method, 5 steps, one sample, seed
 * 0). For other settings build a {@link TransitionStateGenerator}.
 */
public final class TsGen {

    private TsGen() {}

    /** The default generator, made on first use. */
    private static final class Default {
        static final TransitionStateGenerator GENERATOR =
                TransitionStateGenerator.builder().setModel(TsGenModel.loadDefault(Device.cpu())).build();
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
