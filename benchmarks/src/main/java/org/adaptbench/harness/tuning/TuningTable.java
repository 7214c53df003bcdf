package org.adaptbench.harness.tuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.reports.io.AtomicFiles;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.ResultsIo;

/**
 * The search table: every trial of every side with its knob values and validation accuracies, the
 * controls of the validation world, and per side the best trial and its paired difference from the
 * suite's own values; written as {@code tuning.json} and {@code tuning.md}.
 *
 * @param items distinct items (question with its option set) the validation world scores
 * @param controls chance and the majority-option ceiling on the validation world
 * @param reference the untuned {@code none} approach on the validation world
 * @param referenceAgreement its majority agreement
 * @param referenceFit its majority agreement on the training prefixes' choices
 */
public record TuningTable(String suite, long seed, TuningSearch.Settings settings, String worldHash, long items,
        Map<String, MetricValue> controls, Map<String, MetricValue> reference, Map<String, MetricValue> referenceAgreement,
        Map<String, MetricValue> referenceFit, List<SideResult> sides) {

    public static final String JSON = "tuning.json";
    public static final String MARKDOWN = "tuning.md";
    /** Format version of tuning.json. */
    public static final int FORMAT_VERSION = 1;

    public TuningTable {
        controls = Map.copyOf(controls);
        reference = Map.copyOf(reference);
        referenceAgreement = Map.copyOf(referenceAgreement);
        referenceFit = Map.copyOf(referenceFit);
        sides = List.copyOf(sides);
    }

    /**
     * One side's trials and what they support.
     *
     * @param best the index of the trial with the highest score (the earliest on ties)
     * @param liftOverIncumbent approach → paired accuracy difference of the best trial over trial 0 (empty when trial 0 is best)
     */
    public record SideResult(Side side, List<Trial> trials, int best, Map<String, MetricValue> liftOverIncumbent) {

        public SideResult {
            trials = List.copyOf(trials);
            liftOverIncumbent = Map.copyOf(liftOverIncumbent);
        }

        public Trial bestTrial() {
            return trials.get(best);
        }

        /**
         * Whether the search supports moving off the suite's values: the best trial is another one, its
         * paired difference's interval lies above zero for some approach of the side and below it for none.
         */
        public boolean supported() {
            return best != 0 && liftOverIncumbent.values().stream().anyMatch(lift -> lift.ciLow() > 0)
                    && liftOverIncumbent.values().stream().noneMatch(lift -> lift.ciHigh() < 0);
        }
    }

    /** The majority-option ceiling, when the validation world defines one. */
    public Optional<MetricValue> ceiling() {
        return Optional.ofNullable(controls.get(ApproachNames.MAJORITY_CEILING));
    }

    /** Writes tuning.json and tuning.md into {@code out}, each atomically; {@code command} is how to rerun the search. */
    public void write(Path out, String command) {
        ObjectMapper mapper = ResultsIo.mapper();
        try {
            AtomicFiles.writeString(out.resolve(JSON), mapper.writeValueAsString(json(mapper, command)) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AtomicFiles.writeString(out.resolve(MARKDOWN), markdown(command));
    }

    ObjectNode json(ObjectMapper mapper, String command) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("command", command);
        root.put("suite", suite);
        root.put("seed", seed);
        root.put("budget_per_side", settings.budget());
        ObjectNode world = root.putObject("validation_world");
        world.put("role", "validation");
        world.put("users", settings.users());
        world.put("events_per_user", settings.eventsPerUser());
        world.put("evaluated_users", settings.evaluated());
        world.put("items", items);
        world.put("content_hash", worldHash);
        ObjectNode controlNode = root.putObject("controls");
        controls.forEach((name, value) -> controlNode.set(name, mapper.valueToTree(value)));
        reference.forEach((name, value) -> {
            ObjectNode node = root.putObject("reference").putObject(name);
            node.set("accuracy", mapper.valueToTree(value));
            node.set("majority_agreement", mapper.valueToTree(referenceAgreement.get(name)));
            if (referenceFit.containsKey(name)) {
                node.set("majority_agreement_on_training_choices", mapper.valueToTree(referenceFit.get(name)));
            }
        });
        ObjectNode sideNodes = root.putObject("sides");
        for (SideResult result : sides) {
            ObjectNode sideNode = sideNodes.putObject(result.side().wireName());
            ArrayNode approaches = sideNode.putArray("approaches");
            result.side().approaches().forEach(approaches::add);
            ObjectNode space = sideNode.putObject("knobs");
            result.side().knobs().forEach(knob -> {
                ArrayNode values = space.putArray(knob.path());
                knob.candidates().forEach(value -> values.add(mapper.valueToTree(new java.math.BigDecimal(value))));
            });
            sideNode.put("trials_run", result.trials().size());
            ArrayNode trials = sideNode.putArray("trials");
            for (Trial trial : result.trials()) {
                ObjectNode node = trials.addObject();
                node.put("trial", trial.index());
                node.put("incumbent", trial.incumbent());
                ObjectNode values = node.putObject("values");
                trial.values().forEach((path, value) -> values.set(path, mapper.valueToTree(new java.math.BigDecimal(value))));
                ObjectNode accuracy = node.putObject("accuracy");
                trial.accuracy().forEach((name, value) -> accuracy.set(name, mapper.valueToTree(value)));
                ObjectNode agreement = node.putObject("majority_agreement");
                trial.majorityAgreement().forEach((name, value) -> agreement.set(name, mapper.valueToTree(value)));
                ObjectNode tokens = node.putObject("tokens_per_request");
                trial.tokens().forEach((name, value) -> tokens.put(name, Math.round(value * 10) / 10.0));
                ObjectNode fit = node.putObject("majority_agreement_on_training_choices");
                trial.trainingFit().forEach((name, value) -> fit.set(name, mapper.valueToTree(value)));
                node.put("score", trial.score());
                node.put("seconds", Math.round(trial.seconds() * 10) / 10.0);
            }
            sideNode.put("best_trial", result.best());
            ObjectNode lift = sideNode.putObject("lift_over_incumbent");
            result.liftOverIncumbent().forEach((name, value) -> lift.set(name, mapper.valueToTree(value)));
            sideNode.put("supported", result.supported());
        }
        return root;
    }

    String markdown(String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Tuning search\n\n");
        md.append("`").append(command).append("`\n\n");
        md.append(String.format(Locale.US, "Suite `%s`, seed %d, %d trials per side (trial 0 is the suite's own values, the others"
                + " seeded draws from each knob's declared values). Validation world: %d users in the pre-training wording with"
                + " users and question pools of its own, %d events each, %s scored, %d distinct items (world %s).%n%n",
                suite, seed, settings.budget(), settings.users(), settings.eventsPerUser(),
                settings.evaluated() == 0 ? "all" : Integer.toString(settings.evaluated()), items, worldHash.substring(0, Math.min(12, worldHash.length()))));
        md.append("Controls on the validation world: ");
        controls.forEach((name, value) -> md.append(String.format(Locale.US, "%s %s; ", name, cell(value))));
        reference.forEach((name, value) -> md.append(String.format(Locale.US, "`%s` %s (majority agreement %s%s).", name, cell(value),
                number(referenceAgreement.get(name).value()), referenceFit.containsKey(name)
                        ? ", on the training prefixes' choices " + number(referenceFit.get(name).value()) : "")));
        md.append("\n\nAccuracy is the mean of per-user accuracies with its 95% interval over users and items; majority agreement is the"
                + " share of answers that are the question's most common right answer (1.0 for an answerer that learned the"
                + " population's majority answers); on training choices, the same share on the choices of the users' training"
                + " prefixes, the items batch-trained adapters learn from; tokens/request, the mean tokens an approach's answers"
                + " added to the request. The score is the mean accuracy of the side's approaches.\n");
        for (SideResult result : sides) {
            md.append(String.format(Locale.US, "%n## %s (%s)%n%n", result.side().wireName(),
                    String.join(", ", result.side().approaches().stream().map(name -> "`" + name + "`").toList())));
            List<Knob> knobs = result.side().knobs();
            md.append("| trial |");
            knobs.forEach(knob -> md.append(' ').append(knob.path().substring(knob.path().indexOf('.') + 1)).append(" |"));
            result.side().approaches().forEach(name -> md.append(' ').append(name).append(" |"));
            result.side().approaches().forEach(name -> md.append(' ').append(name).append(" majority agreement |"));
            List<String> fitted = result.trials().get(0).trainingFit().keySet().stream().sorted().toList();
            fitted.forEach(name -> md.append(' ').append(name).append(" on training choices |"));
            List<String> injecting = result.side().approaches().stream()
                    .filter(name -> result.trials().stream().anyMatch(trial -> trial.tokens().getOrDefault(name, 0.0) > 0)).toList();
            injecting.forEach(name -> md.append(' ').append(name).append(" tokens/request |"));
            md.append(" score | seconds |\n|");
            int columns = 3 + knobs.size() + 2 * result.side().approaches().size() + fitted.size() + injecting.size();
            md.append("---|".repeat(columns)).append('\n');
            for (Trial trial : result.trials()) {
                boolean best = trial.index() == result.best();
                md.append("| ").append(trial.index()).append(trial.incumbent() ? " (suite)" : "").append(best ? " **best**" : "").append(" |");
                knobs.forEach(knob -> md.append(' ').append(trial.values().get(knob.path())).append(" |"));
                result.side().approaches().forEach(name -> md.append(' ').append(cell(trial.accuracy().get(name))).append(" |"));
                result.side().approaches().forEach(name -> md.append(' ').append(number(trial.majorityAgreement().get(name).value()))
                        .append(" |"));
                fitted.forEach(name -> md.append(' ').append(number(trial.trainingFit().get(name).value())).append(" |"));
                injecting.forEach(name -> md.append(String.format(Locale.US, " %.0f |", trial.tokens().getOrDefault(name, 0.0))));
                md.append(String.format(Locale.US, " %s | %.0f |%n", number(trial.score()), trial.seconds()));
            }
            md.append('\n');
            if (result.best() == 0) {
                md.append("Best: the suite's own values (trial 0); nothing to change.\n");
            } else {
                md.append(String.format(Locale.US, "Best: trial %d. Paired difference from trial 0: ", result.best()));
                result.side().approaches().forEach(name -> {
                    MetricValue lift = result.liftOverIncumbent().get(name);
                    if (lift != null) {
                        md.append(String.format(Locale.US, "`%s` %+.3f [%+.3f, %+.3f]; ", name, lift.value(), lift.ciLow(), lift.ciHigh()));
                    }
                });
                md.append(result.supported() ? "the search supports moving to its values.\n"
                        : "not resolved (an interval crosses zero or one is below it): the search does not support a change.\n");
            }
        }
        ceiling().ifPresent(ceiling -> sides.stream().filter(result -> result.bestTrial().accuracy().containsKey(ApproachNames.GLOBAL_LORA))
                .findFirst().ifPresent(result -> {
                    Trial suite = result.trials().get(0);
                    Trial top = result.trials().stream()
                            .max(java.util.Comparator.comparingDouble(trial -> trial.accuracy().get(ApproachNames.GLOBAL_LORA).value()))
                            .orElseThrow();
                    md.append(String.format(Locale.US, "%nCompetence against the majority-option ceiling %s: `%s` with the suite's values %s",
                            number(ceiling.value()), ApproachNames.GLOBAL_LORA, competence(suite, ceiling)));
                    if (top.index() != 0) {
                        md.append(String.format(Locale.US, "; its best trial (%d, the highest of %d scores on the same users, so"
                                + " optimistic) %s", top.index(), result.trials().size(), competence(top, ceiling)));
                    }
                    md.append(".\n");
                }));
        return md.toString();
    }

    /** "scores X [lo, hi]: it reaches the ceiling within its interval" or "... falls short by d at its interval's top". */
    private static String competence(Trial trial, MetricValue ceiling) {
        MetricValue accuracy = trial.accuracy().get(ApproachNames.GLOBAL_LORA);
        return "scores " + cell(accuracy) + ": it " + (accuracy.ciHigh() >= ceiling.value() ? "reaches the ceiling within its interval"
                : String.format(Locale.US, "falls short by %.3f at its interval's top", ceiling.value() - accuracy.ciHigh()));
    }

    private static String cell(MetricValue value) {
        return String.format(Locale.US, "%s [%s, %s]", number(value.value()), number(value.ciLow()), number(value.ciHigh()));
    }

    private static String number(double value) {
        return String.format(Locale.US, "%.3f", value);
    }
}
