package org.adaptbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.adaptbench.reports.claims.ClaimsTable;
import org.adaptbench.reports.fixture.FixtureRun;
import org.adaptbench.reports.results.ResultsIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture report opens in a real browser as a new reader would, at 1280×900: headless Chromium lays
 * it out, the first screen holds the whole verdict board (one row per claim) and no notes box, and a
 * screenshot of that screen is a styled page.
 */
class ScreenshotTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOT = Path.of("scripts", "screenshot.sh");
    private static final Path FIRST_SCREEN = Path.of("scripts", "first-screen.sh");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    @TempDir
    Path dir;

    @Test
    void theFirstScreenHoldsTheVerdictBoardAndNoNotes() throws Exception {
        assumeChromium();
        FixtureRun fixture = FixtureRun.generate();
        ReportWriter.ReportFiles report = ReportWriter.write(fixture.results(), dir.resolve("report"));
        JsonNode screen = ResultsIo.mapper().readTree(run(FIRST_SCREEN, report.html().toString(), String.valueOf(WIDTH), String.valueOf(HEIGHT)));
        int claims = ClaimsTable.compute(fixture.results()).size();
        assertEquals(WIDTH, screen.path("width").asInt(), screen.toString());
        assertTrue(screen.path("board").asBoolean(), "a verdict board: " + screen);
        assertEquals(claims, screen.path("rows").asInt(), "one row per claim: " + screen);
        assertEquals(claims, screen.path("rows_above_fold").asInt(), "every row on the first screen: " + screen);
        assertEquals(0, screen.path("notes_above_fold").asInt(), "no notes box on the first screen: " + screen);
    }

    @Test
    void chromiumRendersTheReport() throws Exception {
        assumeChromium();
        ReportWriter.ReportFiles report = ReportWriter.write(FixtureRun.generate().results(), dir.resolve("report"));
        Path png = dir.resolve("screenshot.png");
        run(SCREENSHOT, report.html().toString(), png.toString(), String.valueOf(WIDTH), String.valueOf(HEIGHT));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(Files.size(png) > 50_000, "a rendered report is not a blank page: " + Files.size(png) + " bytes");
        assertTrue(distinctColours(image) > 60, "a blank or unstyled page has few colours: " + distinctColours(image));
        keepForPeople(png);
    }

    private static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no headless Chromium at " + CHROMIUM
                + " (Debian: apt-get install -y chromium); the report itself is checked by ReportWriterTest");
        assertTrue(Files.isRegularFile(SCREENSHOT) && Files.isRegularFile(FIRST_SCREEN), "run from the reports module: "
                + SCREENSHOT.toAbsolutePath());
    }

    /** Runs a script of {@code scripts/} and returns its standard output; fails with its output when it fails. */
    private static String run(Path script, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Path errors = Files.createTempFile("chromium", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            boolean finished = process.waitFor(200, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = new String(out, StandardCharsets.UTF_8).trim();
            String log = Files.readString(errors);
            assertTrue(finished, script + " did not finish: " + output + log);
            assertEquals(0, process.exitValue(), script + ": " + output + log);
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static void keepForPeople(Path png) throws IOException {
        Path target = Path.of("target", "fixture-report-screenshot.png");
        Files.createDirectories(target.getParent());
        Files.copy(png, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
