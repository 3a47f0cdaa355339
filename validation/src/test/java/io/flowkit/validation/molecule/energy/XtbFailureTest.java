package io.flowkit.validation.molecule.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.molecule.Molecule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure paths of {@link XtbCalculator}, driven by stand-in scripts: they run without xtb. */
class XtbFailureTest {

    @TempDir
    Path dir;

    private XtbCalculator fake(String body) throws Exception {
        return XtbCalculator.builder().optExecutable(FakeXtb.script(dir, "xtb", body)).optWorkDirectory(dir.resolve("runs"))
                .build();
    }

    @Test
    void aMissingExecutableGivesTheInstallMessage() {
        Path missing = dir.resolve("no-such-xtb");
        XtbCalculator calculator = XtbCalculator.builder().optExecutable(missing).build();
        assertTrue(calculator.executable().isEmpty());
        XtbException e = assertThrows(XtbException.class, () -> calculator.singlePoint(Geometries.water()));
        assertEquals(XtbException.Kind.NOT_INSTALLED, e.kind());
        assertTrue(e.getMessage().startsWith("xtb is not installed: install the Debian package xtb or set FLOWKIT_XTB"),
                e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("xtb single point of 'water' (H2O)"), e.getMessage());
        assertThrows(XtbException.class, calculator::checkAvailable);
    }

    @Test
    void theExecutableIsFoundThroughTheVariableOrPath() throws Exception {
        Path script = FakeXtb.script(dir, "xtb", "exit 0");
        assertEquals(script, XtbCalculator.locate(Map.of("PATH", "/nonexistent:" + dir)).path());
        assertEquals(script, XtbCalculator.locate(Map.of(XtbCalculator.ENVIRONMENT_VARIABLE, script.toString(),
                "PATH", "/nonexistent")).path());
        XtbCalculator.Location wrong = XtbCalculator.locate(Map.of(XtbCalculator.ENVIRONMENT_VARIABLE,
                dir.resolve("nothing").toString(), "PATH", dir.toString()));
        assertEquals(null, wrong.path(), "a set variable wins over PATH, even when it is wrong");
        assertTrue(wrong.searched().contains("is not an executable file"), wrong.searched());
        assertEquals(null, XtbCalculator.locate(Map.of("PATH", "/nonexistent")).path());
    }

    @Test
    void aTimeoutKillsXtbAndEveryProcessItStarted() throws Exception {
        Path childPid = dir.resolve("child.pid");
        Path parentPid = dir.resolve("parent.pid");
        XtbCalculator slow = XtbCalculator.builder().optTimeout(Duration.ofMillis(1500))
                .optExecutable(FakeXtb.script(dir, "xtb", "sleep 60 &\necho $! > " + childPid + "\necho $$ > " + parentPid
                        + "\nwait"))
                .build();
        long start = System.nanoTime();
        XtbException e = assertThrows(XtbException.class, () -> slow.singlePoint(Geometries.water(), "record 7"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(XtbException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().startsWith("xtb single point of record 7 timed out after 1.5 s; xtb was killed"),
                e.getMessage());
        assertTrue(seconds < 15, "returned after " + seconds + " s");
        for (Path pidFile : new Path[] {parentPid, childPid}) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (alive(pid) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(alive(pid), "process " + pid + " from " + pidFile.getFileName() + " was killed");
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void outputWithoutAnEnergyIsReportedWithItsTail() throws Exception {
        XtbCalculator garbage = fake("echo 'this is not xtb'\necho 'TOTAL ENERGY is missing here'\nexit 0");
        XtbException e = assertThrows(XtbException.class, () -> garbage.singlePoint(Geometries.water()));
        assertEquals(XtbException.Kind.UNPARSEABLE_OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("cannot read xtb's output: no 'TOTAL ENERGY ... Eh' line"), e.getMessage());
        assertTrue(e.outputTail().contains("this is not xtb"), e.outputTail());
        assertTrue(e.getMessage().contains("this is not xtb"), "the message carries the tail");
        XtbCalculator overflow = fake(FakeXtb.summary("**************"));
        assertEquals(XtbException.Kind.UNPARSEABLE_OUTPUT,
                assertThrows(XtbException.class, () -> overflow.singlePoint(Geometries.water())).kind());
    }

    @Test
    void failuresAreClassifiedFromXtbsErrorBlock() throws Exception {
        String block = "echo '########################################################################'\n"
                + "echo '[ERROR] Program stopped due to fatal error'\n"
                + "echo '-2- xtb_calculator_singlepoint: Electronic structure method terminated'\n";
        XtbCalculator scf = fake(block + "echo '-1- scf: Self consistent charge iterator did not converge'\n"
                + "echo '########################################################################'\nexit 1");
        XtbException e = assertThrows(XtbException.class, () -> scf.singlePoint(Geometries.water(), "record 3 (rxn1)"));
        assertEquals(XtbException.Kind.SCF_NOT_CONVERGED, e.kind());
        assertTrue(e.getMessage().startsWith("xtb single point of record 3 (rxn1) failed: SCF did not converge (exit code 1)"),
                e.getMessage());

        XtbCalculator other = fake(block + "echo '-1- read_xyz: unknown element Xx'\necho 'abnormal termination' >&2\nexit 2");
        e = assertThrows(XtbException.class, () -> other.singlePoint(Geometries.water()));
        assertEquals(XtbException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("failed: read_xyz: unknown element Xx; xtb_calculator_singlepoint: Electronic"
                + " structure method terminated (exit code 2)"), e.getMessage());
        assertTrue(e.outputTail().contains("[stderr]\nabnormal termination"), e.outputTail());

        XtbCalculator crash = fake("echo '*** stack smashing detected ***: terminated' >&2\nkill -ABRT $$");
        e = assertThrows(XtbException.class, () -> crash.frequencies(Geometries.water()));
        assertEquals(XtbException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("xtb crashed (stack smashing detected) (exit code 134)"), e.getMessage());
    }

    @Test
    void aHessianRunMustLeaveACompleteVibspectrum() throws Exception {
        XtbCalculator none = fake(FakeXtb.summary("-5.0") + "echo ' linear?   false'");
        XtbException e = assertThrows(XtbException.class, () -> none.frequencies(Geometries.water()));
        assertEquals(XtbException.Kind.UNPARSEABLE_OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("xtb wrote no vibspectrum file"), e.getMessage());

        String spectrum = "printf '$vibrational spectrum\\n#  mode  symmetry  wave number  IR intensity  selection rules\\n"
                + "  1   -0.00  0.0  -  -\\n  2   0.00  0.0  -  -\\n  3  a  -812.50  9.1  YES  YES\\n  4   0.01  0.0  -  -\\n"
                + "  5   0.00  0.0  -  -\\n  6   -0.01  0.0  -  -\\n  7   0.00  0.0  -  -\\n  8  a  1500.00  1.0  YES  YES\\n"
                + "  9  a  3600.00  1.0  YES  YES\\n$end\\n' > vibspectrum\n";
        XtbCalculator saddle = fake(FakeXtb.summary("-5.0") + "echo ' linear?   false'\n" + spectrum);
        XtbFrequencies f = saddle.frequencies(Geometries.water());
        assertEquals(3, f.modeCount());
        assertEquals(-812.5, f.frequenciesCm()[0], 0);
        assertTrue(f.isFirstOrderSaddlePoint());
        assertEquals(-5.0, f.energy().energyHartree(), 0);

        XtbCalculator shortSpectrum = fake(FakeXtb.summary("-5.0") + "echo ' linear?   false'\n"
                + spectrum.replace("  9  a  3600.00  1.0  YES  YES\\n", ""));
        e = assertThrows(XtbException.class, () -> shortSpectrum.frequencies(Geometries.water()));
        assertTrue(e.getMessage().contains("vibspectrum lists 8 modes, expected 3 × 3 = 9"), e.getMessage());
    }

    @Test
    void settingsAreValidated() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> XtbCalculator.builder().optTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> XtbCalculator.builder().optThreads(0).build());
        assertThrows(IllegalArgumentException.class, () -> XtbCalculator.builder().optSolvent("two words").build());
        assertThrows(IllegalArgumentException.class, () -> XtbCalculator.builder().optMultiplicityOverride(0).build());
        Molecule atom = Molecule.of(new int[] {1}, new double[] {0, 0, 0});
        XtbCalculator calculator = XtbCalculator.builder().optExecutable(dir).build();
        XtbException e = assertThrows(XtbException.class, () -> calculator.frequencies(atom));
        assertEquals(XtbException.Kind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains("a single atom has no vibrations"), e.getMessage());
    }
}
