package org.adaptbench.harness.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adaptbench.harness.cell.RunLock;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.reports.io.AtomicFiles;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Verdict;

/**
 * The same suite run with several master seeds, summarized: how far each figure moves between seeds
 * (each seed pre-trains its own base model and draws its own users, which a run's intervals, resampling
 * users only, do not cover) and whether every seed gives each claim the same verdict.
 */
public final class SeedSweep {

    public static final String SUMMARY_JSON = "seeds.json";
    public static final String SUMMARY_MARKDOWN = "seeds.md";

    /** One figure across seeds: its value per seed, in seed order, and the run's own 95% interval per seed. */
    public record Spread(String scenario, String approach, String metric, List<Double> values, List<Double> ciWidths) {

        public Spread {
            values = List.copyOf(values);
            ciWidths = List.copyOf(ciWidths);
        }

        public double mean() {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        public double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** Sample standard deviation between seeds. */
        public double sd() {
            double mean = mean();
            double sum = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return values.size() < 2 ? 0 : Math.sqrt(sum / (values.size() - 1));
        }

        /** True when the seeds disagree by more than the mean width of a single run's interval. */
        public boolean exceedsRunIntervals() {
            double width = ciWidths.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            return max() - min() > width;
        }
    }

    /** Runs one seed's plan into its folder (the CLI's single-run path). */
    @FunctionalInterface
    public interface SeedRunner {

        Results run(RunPlan plan, Path dir);
    }

    private final List<Long> seeds;
    private final List<Results> runs;

    /**
     * Runs every seed's plan into {@code root/seed-<seed>/} and writes the summary there. Every seed's
     * plan is resolved and its folder checked before the first run starts, so bad input fails before
     * anything is written.
     */
    public static SeedSweep run(Map<Long, RunPlan> plans, Path root, boolean resume, SeedRunner runner) {
        checkRoot(plans, root, resume);
        try (RunLock lock = RunLock.acquire(root, "--out")) {
            checkRoot(plans, root, resume); // again, now that no other sweep can start here
            List<Results> runs = new ArrayList<>();
            plans.forEach((seed, plan) -> runs.add(runner.run(plan, root.resolve(directoryName(seed)))));
            SeedSweep sweep = new SeedSweep(new ArrayList<>(plans.keySet()), runs);
            sweep.write(root);
            return sweep;
        }
    }

    /** A sweep's folder holds nothing but its seeds' runs and its summary; a fresh sweep's holds nothing at all. */
    private static void checkRoot(Map<Long, RunPlan> plans, Path root, boolean resume) {
        if (java.nio.file.Files.exists(root) && !java.nio.file.Files.isDirectory(root)) {
            throw new UsageException("--out " + root + ": is a file, not a folder");
        }
        if (!java.nio.file.Files.isDirectory(root)) {
            return;
        }
        java.util.Set<String> own = new java.util.HashSet<>(List.of(SUMMARY_JSON, SUMMARY_MARKDOWN, RunLock.FILE));
        plans.keySet().forEach(seed -> own.add(directoryName(seed)));
        List<String> entries = new ArrayList<>();
        try (var list = java.nio.file.Files.list(root)) {
            list.map(entry -> entry.getFileName().toString()).filter(name -> !name.equals(RunLock.FILE)).sorted().forEach(entries::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + root, e);
        }
        for (String entry : entries) {
            if (!resume) {
                throw new UsageException(root.resolve(entry) + (own.contains(entry) ? " already exists; pass --resume to continue the"
                        + " sweep, or choose another --out" : ": the folder holds files that are not this sweep's; choose an empty or new folder"));
            }
            if (!own.contains(entry)) {
                throw new UsageException(root.resolve(entry) + " is not a run of this sweep (seeds " + plans.keySet()
                        + "); remove it, or resume in the sweep it came from");
            }
        }
    }

    public SeedSweep(List<Long> seeds, List<Results> runs) {
        if (seeds.size() != runs.size() || seeds.isEmpty()) {
            throw new IllegalArgumentException("one result per seed, at least one");
        }
        this.seeds = List.copyOf(seeds);
        this.runs = List.copyOf(runs);
    }

    /** Every figure that every seed measured, in the runs' scenario, approach and metric order. */
    public List<Spread> spreads() {
        List<Spread> spreads = new ArrayList<>();
        runs.get(0).scenarios().forEach((scenario, byApproach) -> byApproach.forEach((approach, metrics) -> metrics.keySet()
                .forEach(metric -> {
                    List<Double> values = new ArrayList<>();
                    List<Double> widths = new ArrayList<>();
                    for (Results run : runs) {
                        MetricValue value = run.metric(scenario, approach, metric).orElse(null);
                        if (value == null) {
                            return;
                        }
                        values.add(value.value());
                        widths.add(value.ciHigh() - value.ciLow());
                    }
                    spreads.add(new Spread(scenario, approach, metric, values, widths));
                })));
        return spreads;
    }

    /** Claim id → verdict per seed (absent where a seed did not judge the claim). */
    public Map<String, List<Verdict>> verdicts() {
        Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (Claim claim : runs.get(i).claims()) {
                List<Verdict> row = verdicts.computeIfAbsent(claim.id(), id -> new ArrayList<>());
                while (row.size() < i) {
                    row.add(Verdict.NOT_MEASURED);
                }
                row.add(claim.verdict());
            }
        }
        verdicts.values().forEach(row -> {
            while (row.size() < runs.size()) {
                row.add(Verdict.NOT_MEASURED);
            }
        });
        return verdicts;
    }

    /** Writes {@value #SUMMARY_JSON} and {@value #SUMMARY_MARKDOWN} into {@code dir}, each atomically. */
    public void write(Path dir) {
        try {
            AtomicFiles.writeString(dir.resolve(SUMMARY_JSON),
                    ResultsIo.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json()) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed summary is not serializable", e);
        }
        AtomicFiles.writeString(dir.resolve(SUMMARY_MARKDOWN), markdown());
    }

    ObjectNode json() {
        ObjectNode root = ResultsIo.mapper().createObjectNode();
        ArrayNode seedList = root.putArray("seeds");
        seeds.forEach(seedList::add);
        ObjectNode claims = root.putObject("claims");
        verdicts().forEach((id, row) -> {
            ArrayNode list = claims.putArray(id);
            row.forEach(verdict -> list.add(verdict.name()));
        });
        ArrayNode figures = root.putArray("figures");
        for (Spread spread : spreads()) {
            ObjectNode figure = figures.addObject();
            figure.put("scenario", spread.scenario()).put("approach", spread.approach()).put("metric", spread.metric());
            ArrayNode values = figure.putArray("values");
            spread.values().forEach(values::add);
            figure.put("mean", spread.mean()).put("min", spread.min()).put("max", spread.max()).put("sd", spread.sd());
            figure.put("exceeds_run_intervals", spread.exceedsRunIntervals());
        }
        return root;
    }

    /** Claims by seed, then every accuracy-like figure of the granularity and combined scenarios by seed. */
    String markdown() {
        StringBuilder text = new StringBuilder("# AdaptBench: one suite, " + seeds.size() + " seeds\n\n");
        text.append("Seeds ").append(String.join(", ", seeds.stream().map(String::valueOf).toList()))
                .append(". Each seed is a complete run in `seed-<seed>/` with its own report; each pre-trains its own base model"
                        + " and draws its own users, which a single run's intervals (resampling users) do not cover.\n\n");
        text.append("## Claims\n\n| claim | ");
        seeds.forEach(seed -> text.append("seed ").append(seed).append(" | "));
        text.append("same verdict |\n|---|");
        seeds.forEach(seed -> text.append("---|"));
        text.append("---|\n");
        verdicts().forEach((id, row) -> {
            text.append("| ").append(id).append(" | ");
            row.forEach(verdict -> text.append(verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | "));
            text.append(row.stream().distinct().count() == 1 ? "yes" : "**no**").append(" |\n");
        });
        text.append("\n## Accuracy by seed\n\nmean, min–max and standard deviation between seeds; † where the seeds differ by more"
                + " than a single run's 95% interval is wide.\n\n| scenario | approach | metric | ");
        seeds.forEach(seed -> text.append("seed ").append(seed).append(" | "));
        text.append("mean | min–max | sd |\n|---|---|---|");
        seeds.forEach(seed -> text.append("---|"));
        text.append("---|---|---|\n");
        for (Spread spread : spreads()) {
            boolean accuracyScenario = spread.scenario().startsWith(ScenarioNames.GRANULARITY) || spread.scenario().startsWith(ScenarioNames.COMBINED);
            if (!accuracyScenario || !spread.metric().startsWith(MetricNames.ACCURACY)) {
                continue;
            }
            text.append("| ").append(spread.scenario()).append(" | ").append(spread.approach()).append(" | ").append(spread.metric())
                    .append(" | ");
            spread.values().forEach(value -> text.append(Figures.number(value)).append(" | "));
            text.append(Figures.number(spread.mean())).append(spread.exceedsRunIntervals() ? " †" : "").append(" | ")
                    .append(Figures.number(spread.min())).append("–").append(Figures.number(spread.max())).append(" | ")
                    .append(Figures.number(spread.sd())).append(" |\n");
        }
        return text.toString();
    }

    /** Seed → sub-directory name. */
    public static String directoryName(long seed) {
        return "seed-" + seed;
    }
}
