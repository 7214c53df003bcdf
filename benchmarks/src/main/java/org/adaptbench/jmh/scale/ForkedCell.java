package org.adaptbench.jmh.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptbench.harness.usage.UsageException;

/**
 * A cell in a JVM of its own, so its resident memory is its own: the parent starts this class's
 * {@link #main} with the same class path and reads the result file it writes.
 */
final class ForkedCell {

    /** Heap of a forked cell: the store's search cache (250,000 memories) and N users' ids fit with room. */
    private static final String HEAP = "-Xmx6g";

    private ForkedCell() {
    }

    static CellResult run(CellSpec spec, Path templates) {
        ScaleOptions o = spec.options();
        Path result = spec.work().resolveSibling(spec.work().getFileName() + ".result.json");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), HEAP, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), ForkedCell.class.getName(),
                spec.arm().name(), Integer.toString(spec.users()), Integer.toString(o.cacheSize()), Integer.toString(o.batchSize()),
                Integer.toString(o.requests()), Integer.toString(o.warmup()), Long.toString(o.seed()), Long.toString(o.diskBudgetBytes()),
                spec.work().toString(), templates.toString(), result.toString()));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (exit == 2) {
                throw new UsageException("the " + spec.arm().approach() + " cell for " + spec.users() + " users stopped (its message is above)");
            }
            if (exit != 0) {
                throw new IllegalStateException("the " + spec.arm().approach() + " cell for " + spec.users() + " users failed (exit " + exit + ")");
            }
            JsonNode node = new ObjectMapper().readTree(Files.readString(result));
            return ScaleReport.cell(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run or read the forked cell " + spec.work(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the forked cell ran", e);
        } finally {
            try {
                Files.deleteIfExists(result);
            } catch (IOException e) {
                // the run's work folder is removed anyway
            }
        }
    }

    /** Arguments as {@link #run} passes them. */
    public static void main(String[] args) {
        ScaleArm arm = ScaleArm.valueOf(args[0]);
        ScaleOptions options = ScaleOptions.builder().users(List.of(Integer.parseInt(args[1]))).cacheSize(Integer.parseInt(args[2]))
                .batchSize(Integer.parseInt(args[3])).requests(Integer.parseInt(args[4])).warmup(Integer.parseInt(args[5]))
                .seed(Long.parseLong(args[6])).diskBudgetBytes(Long.parseLong(args[7])).work(Path.of(args[8]))
                .isolation(ScaleOptions.Isolation.IN_PROCESS).build();
        CellSpec spec = new CellSpec(arm, Integer.parseInt(args[1]), options, Path.of(args[8]));
        try {
            CellResult result = arm.create().run(spec, Templates.read(Path.of(args[9])));
            ScaleBenchmark.writeResult(result, Path.of(args[10]));
        } catch (UsageException e) {
            System.err.println("adaptbench: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }
}
