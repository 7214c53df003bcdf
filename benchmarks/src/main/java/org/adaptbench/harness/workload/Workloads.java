package org.adaptbench.harness.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.adaptbench.datasets.DatasetLoader;
import org.adaptbench.datasets.LoadOptions;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.prefeval.PrefEvalForm;
import org.adaptbench.datasets.prefeval.PrefEvalOptions;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.datasets.synthetic.PretrainingExample;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.datasets.synthetic.Popularity;
import org.adaptbench.datasets.synthetic.WorldRole;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.usage.UsageException;

/** Builds the {@link Workload} of each data set a run names, with every random choice seeded from the run's seed. */
public final class Workloads {

    /** The name a run gives to the PrefEval workload. */
    public static final String PREFEVAL = DatasetLoader.PREFEVAL;
    /** The name a run gives to the synthetic workload. */
    public static final String SYNTHETIC = DatasetLoader.SYNTHETIC;
    /** The name a run gives to the shared LoCoMo workload. */
    public static final String LOCOMO = DatasetLoader.LOCOMO;

    private Workloads() {
    }

    /** The workload for a data set named in the config: "synthetic", "prefeval", "locomo" or a path. */
    public static Workload load(RunConfig config, String source) {
        return switch (source) {
            case SYNTHETIC -> synthetic(config);
            case PREFEVAL -> prefEval(config, config.prefeval().granularityFillerTurns());
            case LOCOMO -> imported(config, DatasetLoader.locomoRoot(), LOCOMO);
            default -> imported(config, source);
        };
    }

    /** The configured synthetic world, its evaluated sample, and a separate world whose users train the domain adapter. */
    public static Workload synthetic(RunConfig config) {
        return synthetic(config, config.synthetic().eventsPerUser());
    }

    /** The synthetic world with {@code eventsPerUser} events per user (named "synthetic/events_N" when that is not the configured size). */
    public static Workload synthetic(RunConfig config, int eventsPerUser) {
        SyntheticConfig worldConfig = worldConfig(config).withEventsPerUser(eventsPerUser);
        String name = eventsPerUser == config.synthetic().eventsPerUser() ? SYNTHETIC : SYNTHETIC + "/events_" + eventsPerUser;
        SyntheticWorld world = SyntheticWorld.generate(worldConfig);
        // the domain world's users, questions and wording are its own: nothing of it is ever evaluated
        SyntheticWorld domainWorld = SyntheticWorld.generate(worldConfig.toBuilder().role(WorldRole.DOMAIN)
                .seed(Seeds.derive(config.seed(), "domain-world")).users(Math.max(1, config.adapters().domainUsers())).build());
        List<UserData> domainUsers = domainWorld.dataset().users().stream().map(user -> renamed(user, "domain-")).toList();
        return new Workload(name, world.dataset(), sample(world.dataset().users(), config, SYNTHETIC),
                config.evaluation().trainFraction(), domainUsers, pretrainingProbes(config), Optional.of(world.catalogue()));
    }

    /** The name of the validation workload the tuning search evaluates on. */
    public static final String VALIDATION = SYNTHETIC + "/validation";

    /**
     * The tuning search's validation world: the run's dynamics in the pre-training wording, with its own
     * seed, users (named "validation-...") and question pools, so nothing tuned on it has seen an evaluated
     * item, user or the evaluation wording; {@code evaluated} of its {@code users} are scored (0: all).
     * It has no domain users: the domain adapter is not among the approaches tuned.
     */
    public static Workload validation(RunConfig config, int users, int eventsPerUser, int evaluated) {
        if (users < 1 || eventsPerUser < 1 || evaluated < 0) {
            throw new UsageException("validation world: users and events per user must be at least 1 and evaluated users"
                    + " at least 0, were " + users + ", " + eventsPerUser + ", " + evaluated);
        }
        SyntheticWorld world = SyntheticWorld.generate(worldConfig(config).toBuilder().role(WorldRole.VALIDATION)
                .seed(Seeds.derive(config.seed(), "validation-world")).users(users).eventsPerUser(eventsPerUser).build());
        List<UserData> population = world.dataset().users().stream().map(user -> renamed(user, "validation-")).toList();
        Dataset dataset = new Dataset(VALIDATION, world.dataset().kind(), world.dataset().contentHash(), population);
        List<UserData> scored = evaluated == 0 || evaluated >= population.size() ? population
                : sample(population, config, VALIDATION, evaluated);
        return new Workload(VALIDATION, dataset, scored, config.evaluation().trainFraction(), List.of(),
                pretrainingProbes(config), Optional.of(world.catalogue()));
    }

    /**
     * One cell of the regimes map: a synthetic world in which the point's agreement of users hold each
     * dimension's leading option (drawn from the cell's seed, so it is a convention the base model was
     * not pre-trained to favour; 0.25 is uniform), with its events per user and preferences
     * changing at its change rate (no deletions: changes are the axis), and its own domain world.
     */
    public static Workload regime(RunConfig config, RegimePoint point) {
        RunConfig.Regimes section = config.regimes();
        String cell = point.workloadName();
        Popularity popularity = Popularity.agreement(point.agreement());
        SyntheticConfig world = worldConfig(config).toBuilder().seed(Seeds.derive(config.seed(), "regime/" + cell))
                .users(section.users()).eventsPerUser(point.events()).changeRate(point.changeRate()).deletionRate(0)
                .popularity(popularity).drawnLeaders(true).build();
        SyntheticWorld generated = SyntheticWorld.generate(world);
        SyntheticWorld domainWorld = SyntheticWorld.generate(world.toBuilder().role(WorldRole.DOMAIN)
                .users(Math.max(1, section.domainUsers())).build());
        List<UserData> domainUsers = domainWorld.dataset().users().stream().map(user -> renamed(user, "domain-")).toList();
        return new Workload(SYNTHETIC + "/regime/" + cell, generated.dataset(), generated.dataset().users(),
                config.evaluation().trainFraction(), domainUsers, pretrainingProbes(config), Optional.of(generated.catalogue()));
    }

    /** The synthetic world's configuration: the defaults with the run's size and rates. */
    public static SyntheticConfig worldConfig(RunConfig config) {
        SyntheticConfig defaults = SyntheticConfig.defaults(Seeds.derive(config.seed(), "synthetic-world"));
        RunConfig.Synthetic size = config.synthetic();
        return defaults.toBuilder().users(size.users()).eventsPerUser(size.eventsPerUser()).changeRate(size.changeRate())
                .deletionRate(size.deletionRate()).build();
    }

    /**
     * PrefEval with {@code fillerTurns} filler turns. Items are split per topic by a seeded shuffle:
     * the first {@code domain_items_per_topic} items are never evaluated (they are the probes and the
     * domain adapter's data), the next {@code items_per_topic} (0: all the others) are evaluated, in
     * every form, all of them (each PrefEval user is one item in one form). The same
     * split holds at every filler length, so the context-length sweep asks the same items.
     */
    public static Workload prefEval(RunConfig config, int fillerTurns) {
        RunConfig.PrefEval section = config.prefeval();
        EnumSet<PrefEvalForm> forms = EnumSet.noneOf(PrefEvalForm.class);
        for (String form : section.forms()) {
            forms.add(PrefEvalForm.parse(form).orElseThrow(() -> new UsageException(
                    "prefeval.forms: unknown form '" + form + "'; choose explicit, choice or persona")));
        }
        PrefEvalOptions options = PrefEvalOptions.defaults(Seeds.derive(config.seed(), "prefeval"))
                .withFillerTurns(fillerTurns).withForms(forms).withExcludedTopics(new java.util.TreeSet<>(section.pretrainingTopics()));
        // domain items first in each topic's seeded order, then the evaluated ones; the rest is never loaded
        options = options.withSplit(new PrefEvalOptions.ItemSplit(config.seed(), section.domainItemsPerTopic(), section.itemsPerTopic()));
        LoadOptions load = LoadOptions.defaults(config.seed()).withPrefEval(options);
        if (!section.path().isBlank()) {
            load = load.withPrefEvalRoot(Path.of(section.path()));
        }
        Dataset all = DatasetLoader.load(PREFEVAL, load);
        List<UserData> evaluated = new ArrayList<>();
        List<UserData> domain = new ArrayList<>();
        for (UserData user : all.users()) {
            (PrefEvalOptions.DOMAIN.equals(user.attributes().get(PrefEvalOptions.PART)) ? domain : evaluated).add(user);
        }
        List<UserData> kept = new ArrayList<>(evaluated);
        kept.addAll(domain);
        Dataset dataset = new Dataset(all.name(), all.kind(), all.contentHash(), kept);
        List<Workload.Probe> probes = domain.stream().flatMap(user -> user.queries().stream())
                .filter(Query::isMultipleChoice)
                .map(query -> new Workload.Probe(query.question(), query.options())).distinct().toList();
        // every user is one item in one form: prefeval.items_per_topic, not evaluation.users, sets how many are evaluated
        return new Workload(PREFEVAL, dataset, evaluated, config.evaluation().trainFraction(), domain, probes, Optional.empty());
    }

    /**
     * A folder in PrefEval's layout or in the generic JSONL format, or a LoCoMo file or folder. The users left out of the evaluated
     * sample are never evaluated: they train the shared domain adapter, and their multiple-choice
     * queries (question and options, never an answer) are the probes fine-tuning distils onto.
     */
    public static Workload imported(RunConfig config, String source) {
        Path folder = Path.of(source);
        if (!Files.exists(folder)) {
            throw new UsageException("--dataset " + source + ": no such file or folder (give synthetic, prefeval, locomo or a path)");
        }
        return imported(config, folder, null);
    }

    /** The workload of {@code folder}, named {@code name} (null: the data set's own name). */
    private static Workload imported(RunConfig config, Path folder, String name) {
        String source = folder.toString();
        if (DatasetLoader.detect(folder) == DatasetLoader.Layout.PREFEVAL) {
            RunConfig.PrefEval section = config.prefeval();
            RunConfig.PrefEval pointed = new RunConfig.PrefEval(folder.toString(), section.itemsPerTopic(),
                    section.domainItemsPerTopic(), section.forms(), section.fillerTurns(), section.granularityFillerTurns(),
                    section.pretrainingTopics());
            return prefEval(withPrefEval(config, pointed), section.granularityFillerTurns());
        }
        Dataset loaded = DatasetLoader.load(source, LoadOptions.defaults(config.seed()));
        Dataset dataset = name == null ? loaded : new Dataset(name, loaded.kind(), loaded.contentHash(), loaded.users(), loaded.notes());
        List<UserData> evaluated = sample(dataset.users(), config, dataset.name());
        java.util.Set<String> evaluatedIds = new java.util.HashSet<>();
        evaluated.forEach(user -> evaluatedIds.add(user.userId()));
        List<UserData> heldOut = dataset.users().stream().filter(user -> !evaluatedIds.contains(user.userId())).toList();
        return new Workload(dataset.name(), dataset, evaluated, config.evaluation().trainFraction(), heldOut,
                heldOutProbes(config, heldOut), Optional.empty());
    }

    /** Distinct questions with their option sets asked of users who are never evaluated, a seeded sample of them. */
    static List<Workload.Probe> heldOutProbes(RunConfig config, List<UserData> heldOut) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Workload.Probe> all = new ArrayList<>();
        for (UserData user : heldOut) {
            for (Query query : user.queries()) {
                if (query.isMultipleChoice() && seen.add(probeKey(query.question(), query.options()))) {
                    all.add(new Workload.Probe(query.question(), query.options()));
                }
            }
        }
        return seededSubset(all, config.adapters().distillationProbes(), config);
    }

    /** The same question with the same options in another order is the same probe. */
    public static String probeKey(String question, List<String> options) {
        return question + "\u0000" + String.join("\u0000", new java.util.TreeSet<>(options));
    }

    private static List<Workload.Probe> seededSubset(List<Workload.Probe> all, int limit, RunConfig config) {
        int wanted = Math.min(all.size(), limit);
        int[] order = Seeds.permutation(all.size(), Seeds.random(config.seed(), "distillation-probes", 0));
        List<Workload.Probe> probes = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            probes.add(all.get(order[i]));
        }
        return probes;
    }

    /** Distinct questions with their option sets from the pre-training corpus: never an evaluation question. */
    static List<Workload.Probe> pretrainingProbes(RunConfig config) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Workload.Probe> all = new ArrayList<>();
        for (PretrainingExample example : PretrainingData.corpus(config)) {
            if (seen.add(probeKey(example.question(), example.options()))) {
                all.add(new Workload.Probe(example.question(), example.options()));
            }
        }
        return seededSubset(all, config.adapters().distillationProbes(), config);
    }

    /** A seeded sample of at most {@code evaluation.users} users, kept in data-set order. */
    static List<UserData> sample(List<UserData> users, RunConfig config, String dataset) {
        return sample(users, config, dataset, config.evaluation().users());
    }

    private static List<UserData> sample(List<UserData> users, RunConfig config, String dataset, int wanted) {
        if (wanted <= 0 || wanted >= users.size()) {
            return users;
        }
        SplittableRandom random = Seeds.random(config.seed(), "evaluated-users/" + dataset, 0);
        int[] order = Seeds.permutation(users.size(), random);
        boolean[] chosen = new boolean[users.size()];
        for (int i = 0; i < wanted; i++) {
            chosen[order[i]] = true;
        }
        List<UserData> sample = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            if (chosen[i]) {
                sample.add(users.get(i));
            }
        }
        return sample;
    }

    private static UserData renamed(UserData user, String prefix) {
        return new UserData(prefix + user.userId(), user.history(), user.queries(), user.attributes());
    }

    private static RunConfig withPrefEval(RunConfig config, RunConfig.PrefEval section) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = config.tree().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("prefeval")).put("path", section.path());
        return RunConfig.of(tree);
    }
}
