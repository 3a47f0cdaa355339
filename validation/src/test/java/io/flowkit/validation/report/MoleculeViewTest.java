package io.flowkit.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.validation.molecule.StructureRmsd;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ball-and-stick picture of a generated transition state, on a real Grambow reaction. */
class MoleculeViewTest {

    private static int reddish(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                if (r > 150 && g < 90 && b < 90) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void drawsTheReactionWithItsBondsAndTheRmsdToTheReference(@TempDir Path dir) throws Exception {
        Reaction r = null;
        for (Reaction candidate : Grambow842.load().reactions()) {
            if (java.util.Arrays.stream(candidate.reactant().atomicNumbers()).anyMatch(z -> z == 8)) {
                r = candidate;
                break;
            }
        }
        int[] z = r.reactant().atomicNumbers();
        double[] reference = r.transitionState().orElseThrow().positions();
        double[] generated = reference.clone();
        Random random = new Random(2);
        for (int i = 0; i < generated.length; i++) {
            generated[i] += 0.1 * random.nextGaussian();
        }
        MoleculeView view = MoleculeView.builder().setAtoms(z).setReaction(r.reactant().positions(), r.product().positions())
                .setGenerated(generated).optReference(reference).optMarked(0).optTitle(r.id()).build();
        assertEquals(StructureRmsd.rmsd(generated, reference), view.rmsd(), 1e-9);
        // A reaction changes some bonds and keeps others.
        boolean[][] before = MoleculeView.bonds(z, r.reactant().positions());
        boolean[][] after = MoleculeView.bonds(z, r.product().positions());
        int kept = 0;
        int changed = 0;
        for (int i = 0; i < z.length; i++) {
            for (int j = i + 1; j < z.length; j++) {
                kept += before[i][j] && after[i][j] ? 1 : 0;
                changed += before[i][j] != after[i][j] ? 1 : 0;
            }
        }
        assertTrue(changed > 0 && kept >= z.length - 2, r.id() + ": kept " + kept + ", changed " + changed);
        Path png = dir.resolve("ts.png");
        view.writePng(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(760, image.getWidth());
        assertTrue(reddish(image) > 100, "oxygen is drawn red");
        // The same structure with every oxygen made a carbon: nothing red (no rings either: marked 0).
        int[] noOxygen = z.clone();
        for (int i = 0; i < noOxygen.length; i++) {
            noOxygen[i] = noOxygen[i] == 8 ? 6 : noOxygen[i];
        }
        BufferedImage grey = MoleculeView.builder().setAtoms(noOxygen).setReaction(r.reactant().positions(),
                r.product().positions()).setGenerated(generated).optMarked(0).build().render();
        assertEquals(0, reddish(grey));
        assertThrows(IllegalArgumentException.class, () -> MoleculeView.builder().setAtoms(new int[] {6})
                .setReaction(reference, reference).setGenerated(reference).build());
    }
}
