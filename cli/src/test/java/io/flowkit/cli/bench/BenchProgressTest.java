package io.flowkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar: one line per step with the count, the label and an estimate of the time left. */
class BenchProgressTest {

    @Test
    void printsEachStepWithCountLabelAndTimeLeft() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BenchProgress progress = new BenchProgress(new PrintStream(buffer, true, StandardCharsets.UTF_8), false);
        BenchProgress.Task task = progress.start("pufm", 4);
        task.step("cow x4");
        task.step("fandisk x4");
        task.finish();
        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("|", lines));
        assertTrue(lines[0].startsWith("[pufm] ------------------------ 0/4 starting"), lines[0]);
        assertTrue(lines[0].endsWith("~? left"), lines[0]);
        assertTrue(lines[1].startsWith("[pufm] ######------------------ 1/4 cow x4 | "), lines[1]);
        assertTrue(lines[2].startsWith("[pufm] ############------------ 2/4 fandisk x4 | "), lines[2]);
        assertTrue(lines[2].matches(".*\\| \\d+s spent, ~\\d+s left"), lines[2]);
        assertEquals(2, task.done());
    }

    @Test
    void redrawsInPlaceOnATerminal() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BenchProgress.Task task = new BenchProgress(new PrintStream(buffer, true, StandardCharsets.UTF_8), true)
                .start("tsgen", 2);
        task.step("a");
        task.finish();
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(2, out.chars().filter(c -> c == '\r').count(), out);
        assertTrue(out.endsWith("\n"), out);
    }

    @Test
    void stepsNeverPassTheTotalAndTheTotalCanGrow() {
        BenchProgress.Task task = BenchProgress.silent().start("x", 1);
        task.step("a");
        task.step("b");
        assertEquals(1, task.done());
        task.grow(2);
        task.step("c");
        assertEquals(2, task.done());
        assertThrows(IllegalArgumentException.class, () -> BenchProgress.silent().start("x", 0));
    }

    @Test
    void formatsDurations() {
        assertEquals("42s", BenchProgress.duration(42.2));
        assertEquals("3m05s", BenchProgress.duration(185));
        assertEquals("1h02m", BenchProgress.duration(3720));
    }
}
