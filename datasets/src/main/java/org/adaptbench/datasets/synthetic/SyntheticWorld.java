package org.adaptbench.datasets.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.datasets.jsonl.JsonlDatasetWriter;
import org.adaptbench.datasets.jsonl.JsonlFiles;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;

/**
 * The seeded synthetic preference world: users with histories and multiple-choice queries, ground
 * truth, gold evidence and the majority-option ceiling. Same config ⇒ byte-identical files.
 *
 * <p>Use {@link #generate(SyntheticConfig)}, then {@link #dataset()} in memory or {@link #write(Path)}
 * for {@code users.jsonl}, {@code turns.jsonl}, {@code queries.jsonl} and {@code manifest.json}
 * (readable again with {@link org.adaptbench.datasets.jsonl.JsonlDatasetReader}).
 *
 * <p>The config's {@link WorldRole} says what the world is for: {@link WorldRole#EVALUATION} is graded;
 * {@link WorldRole#DOMAIN} (users that train a shared domain adapter) and {@link WorldRole#VALIDATION}
 * (users to tune knobs on) play the same kind of histories in the pre-training wording with question
 * pools of their own, so nothing trained or tuned on them has seen an evaluated item or the evaluation wording.
 */
public final class SyntheticWorld {

    public static final String NAME = "synthetic";

    private final SyntheticConfig config;
    private final Dataset dataset;
    private final JsonlFiles files;
    private final double majorityCeiling;
    private final boolean everyOptionCorrectForSomeUser;

    private SyntheticWorld(SyntheticConfig config, Dataset dataset, JsonlFiles files, double majorityCeiling,
            boolean everyOptionCorrectForSomeUser) {
        this.config = config;
        this.dataset = dataset;
        this.files = files;
        this.majorityCeiling = majorityCeiling;
        this.everyOptionCorrectForSomeUser = everyOptionCorrectForSomeUser;
    }

    /** The world of {@code config}, in the wording and question pools of its {@link SyntheticConfig#role()}. */
    public static SyntheticWorld generate(SyntheticConfig config) {
        Objects.requireNonNull(config, "config");
        WorldText text = WorldText.standard();
        QuestionBank bank = new QuestionBank(text, config.dimensions(), config.seed());
        UserSimulator simulator = new UserSimulator(text, config, bank, OptionShares.perDimension(config));
        int width = Math.max(5, Integer.toString(config.users()).length());
        List<UserSimulator.SimulatedUser> simulated = new ArrayList<>(config.users());
        for (int u = 0; u < config.users(); u++) {
            simulated.add(simulator.simulate(u, String.format(java.util.Locale.US, "u%0" + width + "d", u)));
        }
        QueryAssigner.Assignment assignment = QueryAssigner.assign(text, bank, simulated, config.dimensions(),
                config.role().queries());
        List<UserData> users = new ArrayList<>(simulated.size());
        for (int u = 0; u < simulated.size(); u++) {
            UserSimulator.SimulatedUser user = simulated.get(u);
            users.add(new UserData(user.userId(), user.history(), assignment.queries().get(u), user.attributes()));
        }
        JsonlFiles files = JsonlDatasetWriter.encode(users);
        Dataset dataset = new Dataset(NAME, DatasetKind.SYNTHETIC, files.contentHash(), users);
        return new SyntheticWorld(config, dataset, files, assignment.majorityCeiling(), assignment.everyOptionCorrectForSomeUser());
    }

    /**
     * The world of {@code config} in the role whose histories use {@code wording}: the evaluation world,
     * or for {@link Wording#PRETRAINING} the validation world (the form callers used before roles).
     */
    public static SyntheticWorld generate(SyntheticConfig config, Wording wording) {
        Objects.requireNonNull(wording, "wording");
        return generate(config.withRole(wording == Wording.PRETRAINING ? WorldRole.VALIDATION : WorldRole.EVALUATION));
    }

    public SyntheticConfig config() {
        return config;
    }

    public WorldRole role() {
        return config.role();
    }

    public Wording wording() {
        return config.role().wording();
    }

    public Dataset dataset() {
        return dataset;
    }

    public DimensionCatalogue catalogue() {
        return DimensionCatalogue.of(config);
    }

    /**
     * Accuracy of the best answerer blind to the user: each question answered with its most common
     * correct option, over all queries. No approach that ignores who is asking can beat it.
     */
    public double majorityCeiling() {
        return majorityCeiling;
    }

    /** True when, for every question asked, each of its options is the right answer for some user. */
    public boolean everyOptionCorrectForSomeUser() {
        return everyOptionCorrectForSomeUser;
    }

    /** Writes the JSONL files and {@code manifest.json} into {@code folder}, atomically. */
    public void write(Path folder) {
        JsonlDatasetWriter.write(folder, files, manifest());
    }

    /**
     * The manifest: config (with its popularity model and role), seed, role and wording, counts, the
     * majority ceiling, the catalogue with each option's expected share, and the template split.
     */
    public ObjectNode manifest() {
        ObjectNode manifest = JsonlDatasetWriter.manifest(dataset, files);
        ObjectNode counts = (ObjectNode) manifest.get("counts");
        Map<TurnKind, Integer> kinds = turnKinds();
        for (Map.Entry<TurnKind, Integer> kind : kinds.entrySet()) {
            counts.put("turns_" + kind.getKey().wireName(), kind.getValue());
        }
        counts.put("queries_after_change", queriesAfterChange());
        manifest.put("seed", config.seed());
        manifest.put("role", config.role().wireName());
        manifest.put("wording", wording().wireName());
        manifest.set("config", configNode());
        manifest.put("majority_ceiling", majorityCeiling);
        manifest.put("every_option_correct_for_some_user", everyOptionCorrectForSomeUser);
        manifest.set("dimensions", catalogueNode());
        manifest.set("template_split", TemplateSplit.describe(WorldText.standard(), config.dimensions()));
        return manifest;
    }

    private Map<TurnKind, Integer> turnKinds() {
        Map<TurnKind, Integer> kinds = new EnumMap<>(TurnKind.class);
        for (UserData user : dataset.users()) {
            for (Turn turn : user.history()) {
                kinds.merge(turn.label().kind(), 1, Integer::sum);
            }
        }
        return kinds;
    }

    /** Queries whose evidence starts at a change: they test a changed preference (adaptation). */
    private int queriesAfterChange() {
        int count = 0;
        for (UserData user : dataset.users()) {
            Map<String, TurnKind> kindOf = new java.util.HashMap<>();
            user.history().forEach(turn -> kindOf.put(turn.turnId(), turn.label().kind()));
            for (Query query : user.queries()) {
                if (!query.evidenceTurnIds().isEmpty() && kindOf.get(query.evidenceTurnIds().get(0)) == TurnKind.CHANGE) {
                    count++;
                }
            }
        }
        return count;
    }

    private ObjectNode configNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seed", config.seed());
        node.put("users", config.users());
        node.put("dimensions", config.dimensions());
        node.put("events_per_user", config.eventsPerUser());
        node.put("filler_share", config.fillerShare());
        node.put("change_rate", config.changeRate());
        node.put("deletion_rate", config.deletionRate());
        node.put("implicit_share", config.implicitShare());
        node.put("no_preference_rate", config.noPreferenceRate());
        ObjectNode popularity = node.putObject("popularity");
        popularity.put("kind", config.popularity().kind());
        config.popularity().parameters().forEach(popularity::put);
        node.put("queries_per_user", config.queriesPerUser());
        ArrayNode distances = node.putArray("adaptation_distances");
        config.adaptationDistances().forEach(distances::add);
        node.put("role", config.role().wireName());
        if (config.drawnLeaders()) {
            // said only when set, so the manifests of every other world stay as they were
            node.put("drawn_leaders", true);
        }
        return node;
    }

    private ArrayNode catalogueNode() {
        OptionShares[] popularity = OptionShares.perDimension(config);
        ArrayNode dimensions = JsonNodeFactory.instance.arrayNode();
        for (int d = 0; d < catalogue().dimensions().size(); d++) {
            Dimension dimension = catalogue().dimensions().get(d);
            ObjectNode node = dimensions.addObject();
            node.put("name", dimension.name());
            node.put("description", dimension.description());
            ArrayNode options = node.putArray("options");
            for (int o = 0; o < dimension.options().size(); o++) {
                PreferenceOption option = dimension.options().get(o);
                ObjectNode optionNode = options.addObject();
                optionNode.put("name", option.name());
                optionNode.put("description", option.description());
                optionNode.put("popularity_rank", option.popularityRank());
                optionNode.put("popularity_share", popularity[d].share(o));
            }
        }
        return dimensions;
    }
}
