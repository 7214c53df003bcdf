package org.adaptbench.jmh.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adaptbench.harness.run.Runner;
import org.adaptbench.personalization.embed.Embedder;

/**
 * One base model for N users, N growing: memory and per-user adapters measured cell by cell
 * (each arm at each N, in a JVM of its own unless told otherwise), then a table, a JSON file and
 * charts with the largest N's growth projected to a million users.
 *
 * <p>Each cell builds its users' state under the work folder, serves warm-up then measured requests
 * from a seeded uniform stream, and deletes its files before the next cell starts, so the disk holds
 * one cell's state at a time (checked against the budget before and while it is written).
 */
public final class ScaleBenchmark {

    private static final String TEMPLATES_FILE = "templates.json";

    private ScaleBenchmark() {
    }

    /**
     * Runs every cell and writes {@code scale.json}, {@code scale.md} and the charts into {@code out};
     * the work folder is left empty. Returns the report.
     *
     * @param embedder embeds the template users' histories and queries (the real sentence encoder for
     *     published figures; a hashing one in tests)
     */
    public static ScaleReport run(ScaleOptions options, Embedder embedder, Path out, String command) {
        double loadBefore = MachineStats.loadAverage();
        Path work = options.work();
        try {
            Files.createDirectories(work);
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + work + " or " + out, e);
        }
        Path templatesFile = work.resolve(TEMPLATES_FILE);
        List<CellResult> cells = new ArrayList<>();
        double memoriesPerUser;
        try {
            Templates templates = Templates.fromWorld(options.templates(), options.seed(), embedder);
            memoriesPerUser = templates.memoriesPerUser();
            templates.write(templatesFile);
            for (int users : options.users()) {
                for (ScaleArm arm : ScaleArm.values()) {
                    Path cellWork = work.resolve(arm.approach() + "-" + users);
                    CellSpec spec = new CellSpec(arm, users, options, cellWork);
                    try {
                        CellResult result = options.isolation() == ScaleOptions.Isolation.FORKED
                                ? ForkedCell.run(spec, templatesFile) : arm.create().run(spec, templates);
                        System.err.printf(Locale.US, "scale: %s N=%,d: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, hit rate %s%n",
                                result.arm(), users, result.serving().throughputRps(), result.serving().p50Ms(), result.serving().p99Ms(),
                                Double.isNaN(result.hitRate()) ? "-" : String.format(Locale.US, "%.3f", result.hitRate()));
                        cells.add(result);
                    } finally {
                        MachineStats.deleteTree(cellWork);
                    }
                }
            }
        } finally {
            MachineStats.deleteTree(templatesFile);
        }
        ScaleReport report = new ScaleReport(cells, options, new ScaleReport.Setting(MachineStats.machine(), loadBefore,
                MachineStats.loadAverage(), Runner.gitSha(), command, memoriesPerUser));
        report.write(out);
        return report;
    }

    /** Writes a cell result where the forked JVM's parent reads it. */
    static void writeResult(CellResult result, Path file) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        ScaleReport.fill(node, result);
        try {
            Files.writeString(file, node.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cell result " + file, e);
        }
    }
}
