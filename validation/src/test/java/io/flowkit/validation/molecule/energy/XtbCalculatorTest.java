package io.flowkit.validation.molecule.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the installed xtb (GFN2-xTB unless stated); fails when xtb is missing unless FLOWKIT_SKIP_XTB=1. */
class XtbCalculatorTest {

    private XtbCalculator xtb;

    // Per test rather than per class, so that each test is reported as failed or skipped.
    @BeforeEach
    void requireXtb() {
        XtbAvailability.requireXtb();
        xtb = XtbCalculator.builder().build();
    }

    @Test
    void minimumEnergiesMatchPublishedGfn2Values() throws XtbException {
        // Published GFN2-xTB energies at the optimised geometries, from other programs' outputs:
        // water -5.0705444 Eh (CREST), methane -4.175218505571 Eh, NH4+ -4.49487674 Eh.
        assertEquals(-5.0705444, xtb.singlePoint(Geometries.water()).energyHartree(), 1e-6);
        assertEquals(-4.175218505571, xtb.singlePoint(Geometries.tetrahedral(6, 1.0821649)).energyHartree(), 1e-6);
        Molecule ammonium = Geometries.tetrahedral(7, 1.0296118).toBuilder().optCharge(1).build();
        XtbEnergy e = xtb.singlePoint(ammonium);
        assertEquals(-4.49487674, e.energyHartree(), 1e-6);
        assertEquals(1, e.charge());
        assertEquals(0, e.unpairedElectrons());
        assertEquals(e.energyHartree() * 627.509474, e.energyKcalPerMol(), 1e-6);
        assertTrue(e.homoLumoGapEv().orElseThrow() > 1);
        assertTrue(e.gradientNorm().orElseThrow() < 1e-3, "a minimum has a small gradient");
    }

    @Test
    void hydrogenDissociationCurveHasItsMinimumNearTheBondLength() throws XtbException {
        double step = 0.02;
        double[] r = new double[21];
        double[] e = new double[r.length];
        int best = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] = 0.60 + step * i;
            e[i] = xtb.singlePoint(Geometries.hydrogen(r[i])).energyHartree();
            best = e[i] < e[best] ? i : best;
        }
        assertTrue(best > 0 && best < r.length - 1, "the minimum lies inside 0.60-1.00 Å");
        // Parabola through the lowest grid point and its neighbours.
        double curvature = e[best - 1] - 2 * e[best] + e[best + 1];
        double shift = 0.5 * (e[best - 1] - e[best + 1]) / curvature;
        double rMin = r[best] + shift * step;
        double eMin = e[best] - 0.125 * (e[best + 1] - e[best - 1]) * (e[best + 1] - e[best - 1]) / curvature;
        // Experiment: 0.741 Å; GFN2-xTB puts it at about 0.77 Å. Published GFN2 H2 energy: -0.98268617 Eh.
        assertEquals(0.741, rMin, 0.05);
        assertEquals(-0.98268617, eMin, 2e-5);
        // Dissociation: the energy keeps rising beyond the minimum.
        double previous = e[r.length - 1];
        for (double far : new double[] {1.5, 2.5, 4.0}) {
            double ef = xtb.singlePoint(Geometries.hydrogen(far)).energyHartree();
            assertTrue(ef > previous, "energy rises towards dissociation at " + far + " Å");
            previous = ef;
        }
        assertTrue(XtbEnergy.toKcalPerMol(previous - eMin) > 80, "H2 binds by more than 80 kcal/mol");
    }

    @Test
    void stdoutEnergyAgreesWithXtbJsonAndFilesAreKeptOnlyWhenAsked(@TempDir Path work) throws Exception {
        XtbCalculator keeping = XtbCalculator.builder().optKeepFiles(true).optWorkDirectory(work.resolve("kept")).build();
        Molecule ammonium = Geometries.tetrahedral(7, 1.0).toBuilder().optCharge(1).build();
        XtbEnergy e = keeping.singlePoint(ammonium);
        JsonObject json = json(e.files().orElseThrow().resolve("xtbout.json"));
        assertEquals(json.get("total energy").getAsDouble(), e.energyHartree(), 1e-8);
        assertEquals("GFN2-xTB", json.get("method").getAsString());
        assertEquals(8, json.get("number of electrons").getAsInt(), "valence electrons of NH4+: 5 + 4 - 1");
        assertEquals(0, json.get("number of unpaired electrons").getAsInt());

        XtbEnergy triplet = keeping.singlePoint(Geometries.methylene(3));
        JsonObject tripletJson = json(triplet.files().orElseThrow().resolve("xtbout.json"));
        assertEquals(2, tripletJson.get("number of unpaired electrons").getAsInt());
        assertEquals(2, triplet.unpairedElectrons());
        double singlet = xtb.singlePoint(Geometries.methylene(1)).energyHartree();
        assertTrue(Math.abs(XtbEnergy.toKcalPerMol(triplet.energyHartree() - singlet)) > 1,
                "singlet and triplet methylene differ: the multiplicity reaches xtb");

        XtbCalculator deleting = XtbCalculator.builder().optWorkDirectory(work.resolve("deleted")).build();
        assertTrue(deleting.singlePoint(ammonium).files().isEmpty());
        try (Stream<Path> left = Files.list(work.resolve("deleted"))) {
            assertEquals(0, left.count(), "each call's folder is deleted afterwards");
        }
    }

    @Test
    void chargeMultiplicityAndMethodChangeTheComputation() throws XtbException {
        Molecule water = Geometries.water();
        double neutral = xtb.singlePoint(water).energyHartree();
        XtbEnergy cation = xtb.singlePoint(water.toBuilder().optCharge(1).optMultiplicity(2).build());
        assertEquals(1, cation.unpairedElectrons());
        double ionisationEv = (cation.energyHartree() - neutral) * 27.211386;
        assertTrue(ionisationEv > 8 && ionisationEv < 25, "vertical ionisation energy of water: " + ionisationEv + " eV");

        XtbException impossible = assertThrows(XtbException.class,
                () -> xtb.singlePoint(water.toBuilder().optMultiplicity(2).build()));
        assertEquals(XtbException.Kind.INVALID_INPUT, impossible.kind());
        assertTrue(impossible.getMessage().contains("multiplicity 2 (1 unpaired electrons) is impossible with 10 electrons"),
                impossible.getMessage());
        assertTrue(impossible.getMessage().contains("'water' (H2O)"), impossible.getMessage());

        double gfn1 = XtbCalculator.builder().optMethod(XtbMethod.GFN1).build().singlePoint(water).energyHartree();
        assertTrue(Math.abs(gfn1 - neutral) > 0.1, "GFN1-xTB and GFN2-xTB energies differ: " + gfn1 + " vs " + neutral);
        XtbEnergy ff = XtbCalculator.builder().optMethod(XtbMethod.GFN_FF).build().singlePoint(water);
        assertTrue(ff.homoLumoGapEv().isEmpty(), "a force field has no orbitals");
        assertTrue(ff.energyHartree() > -1 && ff.energyHartree() < 0, "GFN-FF total energy of water: " + ff.energyHartree());
        double solvated = XtbCalculator.builder().optSolvent("water").build().singlePoint(water).energyHartree();
        assertTrue(solvated < neutral, "water is stabilised by implicit water");
    }

    @Test
    void waterHasThreeRealVibrationsThatAgreeWithXtbsOtherFiles(@TempDir Path work) throws Exception {
        XtbFrequencies f = XtbCalculator.builder().optKeepFiles(true).optWorkDirectory(work).build()
                .frequencies(Geometries.water());
        double[] nu = f.frequenciesCm();
        assertEquals(3, f.modeCount());
        assertFalse(f.linear());
        assertEquals(0, f.imaginaryCount());
        assertTrue(nu[0] > 1400 && nu[0] < 1750, "bend " + nu[0]);
        assertTrue(nu[1] > 3400 && nu[1] < 3950, "symmetric stretch " + nu[1]);
        assertTrue(nu[2] > nu[1] && nu[2] < 3950, "antisymmetric stretch " + nu[2]);
        Path files = f.files().orElseThrow();
        // g98.out lists only the vibrations, json all 3N modes.
        Matcher m = Pattern.compile("Frequencies --\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)").matcher(Files.readString(files.resolve("g98.out")));
        assertTrue(m.find());
        JsonArray all = json(files.resolve("xtbout.json")).getAsJsonArray("vibrational frequencies/rcm");
        assertEquals(9, all.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(Double.parseDouble(m.group(k + 1)), nu[k], 0.01);
            assertEquals(all.get(6 + k).getAsDouble(), nu[k], 0.01);
        }
        assertEquals(-5.0705444, f.energy().energyHartree(), 1e-6);
    }

    @Test
    void linearCarbonDioxideHasFourVibrations() throws XtbException {
        Molecule co2 = Molecule.of(new int[] {6, 8, 8}, new double[] {0, 0, 0, 0, 0, 1.16, 0, 0, -1.16});
        XtbFrequencies f = xtb.frequencies(co2);
        double[] nu = f.frequenciesCm();
        assertTrue(f.linear());
        assertEquals(4, nu.length);
        assertEquals(nu[0], nu[1], 1.0, "the bend is doubly degenerate");
        assertEquals(0, f.imaginaryCount());
        assertTrue(nu[3] > 2000, "antisymmetric stretch " + nu[3]);
    }

    @Test
    void referenceTransitionStatesHaveImaginaryModesAndLieAboveReactantAndProduct(@TempDir Path work) throws Exception {
        // grambow-842 reactions are closed-shell singlets; the SDF radical flags give wrong multiplicities.
        XtbCalculator singlet = XtbCalculator.builder().optMultiplicityOverride(1).optKeepFiles(true)
                .optWorkDirectory(work).build();
        List<Reaction> reactions = Grambow842.load().reactions();
        for (int i : new int[] {0, 5}) {
            Molecule ts = reactions.get(i).transitionState().orElseThrow();
            XtbFrequencies f = singlet.frequencies(ts, "reaction " + reactions.get(i).id());
            assertEquals(3 * ts.atomCount() - 6, f.modeCount());
            assertTrue(f.imaginaryCount() >= 1, "reference TS of " + reactions.get(i).id() + " has an imaginary mode");
            assertTrue(f.frequenciesCm()[0] < -300, "the reaction mode is strongly imaginary: " + f.frequenciesCm()[0]);
            Matcher m = Pattern.compile("found\\s+(\\d+)\\s+significant imaginary").matcher(
                    Files.readString(f.files().orElseThrow().resolve(XtbProcess.STDOUT)));
            assertTrue(m.find(), "xtb reports its count");
            assertEquals(Integer.parseInt(m.group(1)), f.imaginaryCount(), "same 5 cm⁻¹ cut-off as xtb");
        }
        XtbCalculator plain = XtbCalculator.builder().optMultiplicityOverride(1).build();
        int above = 0;
        int n = 6;
        for (Reaction r : reactions.subList(0, n)) {
            double ts = plain.singlePoint(r.transitionState().orElseThrow()).energyHartree();
            double high = Math.max(plain.singlePoint(r.reactant()).energyHartree(),
                    plain.singlePoint(r.product()).energyHartree());
            above += ts > high ? 1 : 0;
        }
        assertTrue(above >= n - 1, "reference TSs above both reactant and product: " + above + " of " + n);
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }
}
