package io.flowkit.validation.molecule.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches: with a stand-in xtb (always run) and on real grambow-842 reactions with the installed xtb. */
class TransitionStateEnergiesTest {

    /** A stand-in xtb whose energy is −1 − (x of the first atom) Eh and that fails on 5-atom molecules. */
    private static XtbCalculator coordinateEnergy(Path dir) throws Exception {
        Path script = FakeXtb.script(dir, "xtb", "n=$(head -n 1 \"$1\")\n"
                + "if [ \"$n\" = 5 ]; then echo '[ERROR] Program stopped due to fatal error';"
                + " echo '-1- scf: Self consistent charge iterator did not converge'; exit 1; fi\n"
                + "x=$(awk 'NR==3 {print $2}' \"$1\")\n"
                + "echo \"  | TOTAL ENERGY  $(awk -v x=\"$x\" 'BEGIN {printf \"%.12f\", -1 - x}') Eh |\"");
        return XtbCalculator.builder().optExecutable(script).build();
    }

    @Test
    void aBatchReportsFailedRecordsAndReturnsTheOthersInOrder(@TempDir Path dir) throws Exception {
        Molecule water = Geometries.water();
        Molecule shifted = water.withPositions(shift(water.positions(), 0.01));
        Molecule methane = Geometries.tetrahedral(6, 1.09);
        List<Molecule> reference = List.of(water, water, methane, water, water);
        List<Molecule> generated = List.of(shifted, Geometries.hydrogen(0.74), methane, water,
                water.toBuilder().optMultiplicity(2).build());
        TsEnergyReport report = TransitionStateEnergies.builder().optCalculator(coordinateEnergy(dir)).optParallelism(3)
                .build().compare(List.of("a", "b", "c", "d", "e"), reference, generated);
        assertEquals(5, report.count());
        List<TsEnergyRecord> records = report.records();
        for (int i = 0; i < 5; i++) {
            assertEquals(i, records.get(i).index());
        }
        assertEquals(-0.01 * XtbEnergy.KCAL_PER_MOL_PER_HARTREE, records.get(0).deltaKcalPerMol(), 1e-6);
        assertEquals(0.0, records.get(3).deltaKcalPerMol(), 0);
        assertTrue(records.get(1).failure().orElseThrow().startsWith("record 1 (b): predicted has 2 atoms but reference has 3"),
                records.get(1).failure().orElseThrow());
        assertTrue(records.get(2).failure().orElseThrow()
                .startsWith("xtb single point of record 2 (c), reference TS failed: SCF did not converge"),
                records.get(2).failure().orElseThrow());
        // Both TSs of a record are computed in the reference's state: the generated multiplicity is ignored.
        assertTrue(records.get(4).succeeded());
        assertEquals(2, report.failures().size());
        assertEquals(3, report.succeededCount());
        assertEquals(0.01 * XtbEnergy.KCAL_PER_MOL_PER_HARTREE / 3, report.meanAbsoluteErrorKcalPerMol(), 1e-6);
        assertEquals(2 / 3.0, report.shareWithinChemicalAccuracy(), 1e-12);
    }

    private static double[] shift(double[] xyz, double dx) {
        double[] out = xyz.clone();
        for (int i = 0; i < out.length; i += 3) {
            out[i] += dx;
        }
        return out;
    }

    @Test
    void badBatchesAreRejectedBeforeAnyRecordRuns(@TempDir Path dir) throws Exception {
        TransitionStateEnergies missing = TransitionStateEnergies.builder()
                .optCalculator(XtbCalculator.builder().optExecutable(dir.resolve("none")).build()).build();
        XtbException e = assertThrows(XtbException.class,
                () -> missing.compare(null, List.of(Geometries.water()), List.of(Geometries.water())));
        assertEquals(XtbException.Kind.NOT_INSTALLED, e.kind());
        TransitionStateEnergies energies = TransitionStateEnergies.builder().optCalculator(coordinateEnergy(dir)).build();
        assertThrows(IllegalArgumentException.class,
                () -> energies.compare(null, List.of(Geometries.water()), List.of()));
        assertThrows(IllegalArgumentException.class, () -> energies.compare(null, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> energies.compare(List.of("a", "b"), List.of(Geometries.water()), List.of(Geometries.water())));
        assertThrows(IllegalArgumentException.class, () -> TransitionStateEnergies.builder().optParallelism(-1).build());
    }

    @Test
    void grambowTransitionStatesWithTheRealXtb() throws Exception {
        XtbAvailability.requireXtb();
        Grambow842 data = Grambow842.load();
        int n = 6;
        List<Reaction> reactions = data.reactions().subList(0, n);
        List<Molecule> predicted = data.predictedTransitionStates().subList(0, n);
        XtbCalculator singlet = XtbCalculator.builder().optMultiplicityOverride(1).build();
        TransitionStateEnergies energies = TransitionStateEnergies.builder().optCalculator(singlet).optProgress(false)
                .build();

        TsEnergyReport self = energies.compare(reactions, references(reactions));
        assertEquals(0.0, self.meanAbsoluteErrorKcalPerMol(), 1e-6, "a reference against itself");
        assertEquals(1.0, self.shareWithinChemicalAccuracy(), 0);

        TsEnergyReport report = energies.compare(reactions, predicted);
        assertEquals(n, report.succeededCount(), report.failures().toString());
        int higher = 0;
        for (int i = 0; i < n; i++) {
            TsEnergyRecord r = report.records().get(i);
            assertEquals(reactions.get(i).id(), r.id());
            // The batch, run in parallel, keeps each record with its own reaction.
            double direct = singlet.singlePoint(predicted.get(i)).energyHartree()
                    - singlet.singlePoint(reactions.get(i).transitionState().orElseThrow()).energyHartree();
            assertEquals(XtbEnergy.toKcalPerMol(direct), r.deltaKcalPerMol(), 1e-6);
            higher += r.deltaKcalPerMol() > 0 ? 1 : 0;
        }
        assertTrue(higher >= n - 1, "displaced from the reference TS, most predictions lie higher: " + higher + " of " + n);

        TsEnergyReport saddles = TransitionStateEnergies.builder().optCalculator(singlet).optSaddlePointCheck(true)
                .build().compare(reactions.subList(0, 2), predicted.subList(0, 2));
        for (TsEnergyRecord r : saddles.records()) {
            assertTrue(r.referenceImaginaryCount().orElseThrow() >= 1, "reference TS " + r.id() + " has an imaginary mode");
            assertTrue(r.generatedImaginaryCount().isPresent());
        }
        assertTrue(saddles.generatedSaddlePointShare().isPresent());
        assertEquals(report.records().get(0).deltaKcalPerMol(), saddles.records().get(0).deltaKcalPerMol(), 1e-6,
                "the Hessian run reports the same energy as the single point");

        // Without the override each record takes its reference's state; an impossible one fails alone.
        List<Molecule> stated = new ArrayList<>();
        for (Molecule ts : references(reactions.subList(0, 3))) {
            stated.add(ts.toBuilder().optMultiplicity(stated.size() == 1 ? 2 : 1).build());
        }
        TsEnergyReport mixed = TransitionStateEnergies.builder().optProgress(false).build().compare(null, stated, stated);
        assertEquals(1, mixed.failures().size());
        assertEquals(1, mixed.failures().get(0).index());
        assertTrue(mixed.failures().get(0).failure().orElseThrow().contains("multiplicity 2 (1 unpaired electrons) is "
                + "impossible with 48 electrons"), mixed.failures().toString());
        assertEquals(2, mixed.succeededCount());
    }

    private static List<Molecule> references(List<Reaction> reactions) {
        List<Molecule> out = new ArrayList<>();
        reactions.forEach(r -> out.add(r.transitionState().orElseThrow()));
        return out;
    }
}
