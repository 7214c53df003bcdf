package org.adaptbench.harness.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log lines at every tenth; on a console one bar line, shared by the steps that run at once. */
class ProgressTest {

    @Test
    void logLinesAtEveryTenthAndADoneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        try (Progress.Task task = progress.start("users", 20)) {
            for (int i = 0; i < 20; i++) {
                task.advance();
            }
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("users: 0/20 (0%)", lines.get(0));
        assertEquals("users: 2/20 (10%)", lines.get(1));
        assertEquals("users: 20/20 (100%)", lines.get(10));
        assertTrue(lines.get(11).startsWith("users: done in "), lines.get(11));
        assertEquals(12, lines.size());
    }

    @Test
    void stepsRunningAtOnceShareTheBarLineAndEachDoneLineIsItsOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        Progress.Task first = progress.start("synthetic · memory", 4);
        Progress.Task second = progress.start("prefeval · none", 2);
        first.advance();
        second.advance();
        String shared = last(bytes);
        assertTrue(shared.contains("synthetic · memory 25%") && shared.contains("prefeval · none 50%"), shared);
        second.close();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        String done = lines[lines.length - 2].substring(lines[lines.length - 2].lastIndexOf('\r') + 1);
        assertTrue(done.startsWith("prefeval · none") && done.contains("done in"), Arrays.toString(lines));
        String alone = last(bytes);
        assertTrue(alone.startsWith("synthetic · memory") && alone.contains("1/4"), "one step left: its own bar again: " + alone);
        first.close();
    }

    /** What the console shows now: the text after the last carriage return or newline. */
    private static String last(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        int cut = Math.max(text.lastIndexOf('\r'), text.lastIndexOf('\n'));
        return text.substring(cut + 1);
    }
}
