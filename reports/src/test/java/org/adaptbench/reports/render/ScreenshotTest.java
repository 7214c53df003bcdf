package org.adaptbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.adaptbench.reports.fixture.FixtureRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture report opens in a real browser: headless Chromium renders it and takes a screenshot. */
class ScreenshotTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPT = Path.of("scripts", "screenshot.sh");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2400;

    @TempDir
    Path dir;

    @Test
    void chromiumRendersTheReport() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no headless Chromium at " + CHROMIUM
                + " (Debian: apt-get install -y chromium); the report itself is checked by ReportWriterTest");
        assertTrue(Files.isRegularFile(SCRIPT), "run from the reports module: " + SCRIPT.toAbsolutePath());
        ReportWriter.ReportFiles report = ReportWriter.write(FixtureRun.generate().results(), dir.resolve("report"));
        Path png = dir.resolve("screenshot.png");
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), report.html().toString(), png.toString(),
                String.valueOf(WIDTH), String.valueOf(HEIGHT))
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(200, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "chromium did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(Files.size(png) > 100_000, "a rendered report is not a blank page: " + Files.size(png) + " bytes");
        assertTrue(distinctColours(image) > 200, "a blank or unstyled page has few colours");
        keepForPeople(png);
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
