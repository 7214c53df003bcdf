package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.adaptbench.harness.cell.CellKey;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.cell.RunLock;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.run.RunPlan;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder is written by one run of one configuration, on one data set version and one code
 * version, and by one process at a time (issue 15, items 1, 2, 5 and 7). Each case builds the folder
 * a real run leaves when it is killed after two cells (run.json and two cells, made by the run's own
 * code), then tries what the issue tried; every refusal comes before a model is loaded.
 */
class RunFolderTest {

    @TempDir
    Path dir;

    Path data;
    Path out;

    @BeforeEach
    void smallDataSet() throws Exception {
        data = RunCommandTest.jsonl(dir.resolve("data"));
        out = dir.resolve("run");
    }

    /** The configuration {@code run --suite smoke --dataset DATA} resolves to (what the CLI builds). */
    private RunPlan plan() {
        var array = ResultsIo.mapper().createArrayNode().add(data.toString());
        ObjectNode tree = ConfigResolver.bundled().resolve("smoke", Map.of("datasets", array.toString()));
        return RunPlan.of(tree);
    }

    /** The folder of a run killed after two cells. */
    private void interruptedRun() {
        RunPlan plan = plan();
        String hash = plan.workloads().get(0).dataset().contentHash();
        try (RunDirectory run = RunDirectory.create(out, plan.identity())) {
            for (String approach : List.of("none", "full-context")) {
                run.save(new CellKey("replay", "data", hash, approach), new CellResult(
                        List.of(new Sample("replay", approach, "", "u1", "q1", true, 1, 0, 1.0)), Map.of(), List.of()));
            }
        }
    }

    private CliRun resume() {
        return CliRun.of("run", "--suite", "smoke", "--dataset", data.toString(), "--out", out.toString(), "--resume");
    }

    private static void assertRefused(CliRun run, String... expected) {
        run.assertRefusedInOneLine(expected);
    }

    /** Item 1: a changed answer in queries.jsonl between the kill and --resume. */
    @Test
    void resumeRefusesDataThatChangedSinceTheRunBegan() throws Exception {
        interruptedRun();
        Path queries = data.resolve("queries.jsonl");
        Files.writeString(queries, Files.readString(queries).replace("\"correct_index\":1", "\"correct_index\":0"));
        assertRefused(resume(), "the data changed since the run began", "'data'", "start a new run");
        assertFalse(Files.exists(out.resolve(ResultsIo.RESULTS_FILE)));
    }

    /** Item 1: other code between the kill and --resume (run.json records the code version it began with). */
    @Test
    void resumeRefusesOtherCodeAndRunFilesThatDoNotSayWhichCode() throws Exception {
        interruptedRun();
        Path runFile = out.resolve(RunDirectory.RUN_FILE);
        ObjectNode recorded = (ObjectNode) ResultsIo.mapper().readTree(Files.readString(runFile));
        String version = recorded.get("code_version").asText();
        Files.writeString(runFile, recorded.put("code_version", "0".repeat(64)).toString());
        assertRefused(resume(), "the code changed since the run began", "code version 000000000000 then, " + version.substring(0, 12));
        // a run.json of an older build holds the config alone: it cannot vouch for data or code
        Files.writeString(runFile, recorded.get("config").toString());
        assertRefused(resume(), "written by an older AdaptBench");
    }

    /** Item 1, the other way: the unchanged folder resumes (the checks do not refuse everything). */
    @Test
    void anUnchangedRunPassesTheChecks() {
        interruptedRun();
        RunPlan plan = plan();
        try (RunDirectory resumed = RunDirectory.resume(out, plan.identity())) {
            String hash = plan.workloads().get(0).dataset().contentHash();
            assertTrue(resumed.finished(new CellKey("replay", "data", hash, "none")).isPresent());
            assertFalse(resumed.finished(new CellKey("replay", "data", hash, "memory")).isPresent());
        }
    }

    /** Item 2: another run's cells copied into a fresh folder, then a run with another configuration. */
    @Test
    void aFreshRunRefusesAFolderHoldingAnotherRunsCells() throws Exception {
        interruptedRun();
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh.resolve(RunDirectory.CELLS));
        try (var cells = Files.list(out.resolve(RunDirectory.CELLS))) {
            for (Path cell : cells.toList()) {
                Files.copy(cell, fresh.resolve(RunDirectory.CELLS).resolve(cell.getFileName()));
            }
        }
        CliRun run = CliRun.of("run", "--suite", "smoke", "--dataset", data.toString(), "--out", fresh.toString(),
                "--set", "memory.top_k=1", "--set", "memory.token_budget=64");
        assertRefused(run, "the folder holds files that are not a run of this configuration (cells)");
        assertFalse(Files.exists(fresh.resolve(RunDirectory.RUN_FILE)), "nothing written");
    }

    /** Item 2: a cell of another configuration dropped into a run folder is refused on --resume. */
    @Test
    void resumeRefusesCellsOfAnotherRun() throws Exception {
        interruptedRun();
        String mine;
        try (var cells = Files.list(out.resolve(RunDirectory.CELLS))) {
            mine = cells.findFirst().orElseThrow().getFileName().toString();
        }
        String foreign = mine.replaceAll("__[0-9a-f]{12}\\.", "__0123456789ab.");
        assertNotEquals(mine, foreign);
        Files.copy(out.resolve(RunDirectory.CELLS).resolve(mine), out.resolve(RunDirectory.CELLS).resolve(foreign));
        assertRefused(resume(), foreign, "a cell of another run");
    }

    /** Item 2: cell files are named by the run's fingerprint, so another configuration never finds them. */
    @Test
    void cellFilesCarryTheConfigurationDataAndCode() {
        RunPlan plan = plan();
        var array = ResultsIo.mapper().createArrayNode().add(data.toString());
        RunPlan other = RunPlan.of(ConfigResolver.bundled().resolve("smoke", Map.of("datasets", array.toString(), "memory.top_k", "1")));
        CellKey key = new CellKey("replay", "data", plan.workloads().get(0).dataset().contentHash(), "memory");
        assertNotEquals(key.fileName(plan.identity().fingerprint()), key.fileName(other.identity().fingerprint()));
        var otherData = new RunDirectory.Identity(plan.tree(), Map.of("data", "f".repeat(64)), plan.identity().codeVersion());
        var otherCode = new RunDirectory.Identity(plan.tree(), plan.identity().datasetHashes(), "e".repeat(64));
        assertNotEquals(plan.identity().fingerprint(), otherData.fingerprint());
        assertNotEquals(plan.identity().fingerprint(), otherCode.fingerprint());
    }

    /** Item 5: --out into a folder that holds someone's files, not a run. */
    @Test
    void aFolderThatHoldsNoRunIsNeverOverwritten() throws Exception {
        Files.createDirectories(out.resolve("report"));
        Files.writeString(out.resolve(ResultsIo.RESULTS_FILE), "{\"mine\": true}");
        Files.writeString(out.resolve("report/index.html"), "<p>my page</p>");
        byte[] results = Files.readAllBytes(out.resolve(ResultsIo.RESULTS_FILE));
        CliRun run = CliRun.of("run", "--suite", "smoke", "--dataset", data.toString(), "--out", out.toString());
        assertRefused(run, "not a run of this configuration (report, results.json)", "choose an empty or new folder");
        assertArrayEquals(results, Files.readAllBytes(out.resolve(ResultsIo.RESULTS_FILE)));
        assertEquals("<p>my page</p>", Files.readString(out.resolve("report/index.html")));
        assertFalse(Files.exists(out.resolve(RunDirectory.RUN_FILE)));
        assertFalse(Files.exists(out.resolve(RunLock.FILE)), "not even a lock file is left in someone's folder");
    }

    /** Item 7: a second --resume while another process writes the folder. */
    @Test
    void aSecondWriterIsRefusedWhileAnotherProcessHoldsTheFolder() throws Exception {
        interruptedRun();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunLockHolder.class.getName(),
                out.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine(), "the other process holds the lock");
            assertRefused(resume(), "is being written by another adaptbench process (pid " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close(); // the holder exits when its input closes
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        // once the other process is gone the folder is free again
        try (RunDirectory resumed = RunDirectory.resume(out, plan().identity())) {
            assertTrue(Files.exists(resumed.path().resolve(RunDirectory.RUN_FILE)));
        }
    }

    /** Item 7 within one process: a run folder already open here is refused too. */
    @Test
    void aFolderOpenInThisProcessIsRefused() {
        interruptedRun();
        try (RunDirectory open = RunDirectory.resume(out, plan().identity())) {
            assertRefused(resume(), "is being written by another adaptbench process (pid " + ProcessHandle.current().pid() + ")");
        }
    }

    /** Item 10: --out at a file, or in a folder nothing can be written in. */
    @Test
    void outAtAFileOrAnUnwritableFolderIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertRefused(CliRun.of("run", "--suite", "smoke", "--dataset", data.toString(), "--out", file.toString()),
                "--out " + file + ": is a file, not a folder");
        try (HostileFiles hostile = new HostileFiles()) {
            Path locked = hostile.unwritableFolder(dir.resolve("read-only"));
            assertRefused(CliRun.of("run", "--suite", "smoke", "--dataset", data.toString(), "--out", locked.resolve("run").toString()),
                    "--out " + locked.resolve("run"), "cannot create the folder");
        }
    }

    /** Holds a run folder's lock until its standard input closes: the other process of the lock test. */
    public static final class RunLockHolder {

        public static void main(String[] args) throws Exception {
            try (RunLock lock = RunLock.acquire(Path.of(args[0]), "--out")) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to close our input
                }
            }
        }
    }
}
