package org.adaptbench.reports.results;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The approach and control names of DESIGN.md and the order people read them in.
 *
 * <p>Sub-conditions ({@code user-lora/nightly}, {@code memory/no-recency}) follow their approach;
 * controls ({@code chance}, {@code majority-ceiling}, {@code option-only}) come last; names this
 * build does not know sort after the known ones, alphabetically, so new approaches still render.
 */
public final class ApproachNames {

    public static final String NONE = "none";
    public static final String FULL_CONTEXT = "full-context";
    public static final String MEMORY = "memory";
    public static final String GLOBAL_LORA = "global-lora";
    public static final String VARIANT_LORA = "variant-lora";
    public static final String USER_LORA = "user-lora";
    public static final String COMBINED = "combined";
    /** The shared domain adapter alone (combined's adapter without memory, as an approach of its own). */
    public static final String DOMAIN_LORA = "domain-lora";

    /** Conditions (the part after "/"): memory's retrieval ablations. */
    public static final String NO_RECENCY = "no-recency";
    public static final String NO_ACTIVATION = "no-activation";
    public static final String NO_CONFIDENCE = "no-confidence";
    /** Hybrid retrieval (dense and BM25 fused) without the recency and activation terms. */
    public static final String NO_RECENCY_ACTIVATION = "no-recency-activation";
    /** The dense search alone, with recency, activation and confidence. */
    public static final String DENSE_ONLY = "dense-only";
    /** BM25 alone, with recency, activation and confidence. */
    public static final String BM25_ONLY = "bm25-only";
    /** The fusions of dense and BM25 rankings; the one not chosen by default is a condition. */
    public static final String WEIGHTED_SUM = "weighted-sum";
    public static final String RRF = "rrf";
    /** Preferences only, no episodes: the memory layer before it kept the interaction history. */
    public static final String NO_EPISODES = "no-episodes";
    /** Without the neighbour term (episodes still indexed with the turn before them). */
    public static final String NO_NEIGHBOUR = "no-neighbour";
    /** Episodes stored without the turn before them: neither its words in the index nor the neighbour term. */
    public static final String NO_TURN_CONTEXT = "no-turn-context";
    /** Cosine similarity alone: a plain vector search. */
    public static final String SIMILARITY_ONLY = "similarity-only";
    /** Conditions of user-lora: how its adapter acts on a deletion (the reversibility scenario). */
    public static final String DETACH = "detach";
    public static final String RETRAIN = "retrain";
    public static final String GRADIENT_ASCENT = "gradient-ascent";
    /** Conditions of user-lora: when its adapter is retrained ({@code every-N} for every N events). */
    public static final String EVERY_EVENT = "every-event";
    public static final String EVERY_PREFIX = "every-";
    public static final String NIGHTLY = "nightly";
    public static final String MANUAL = "manual";
    /** What a name's base ends with when the adapter is served merged into the base weights. */
    public static final String MERGED_SUFFIX = "-merged";
    /** Condition of the combined approach: its domain adapter with no memory. */
    public static final String ADAPTER_ONLY = "adapter-only";

    /** Controls: pseudo-approaches that bound what personalization can be credited with. */
    public static final String CHANCE = "chance";
    public static final String MAJORITY_CEILING = "majority-ceiling";
    public static final String OPTION_ONLY = "option-only";
    public static final String ORACLE_CONTEXT = "oracle-context";
    public static final String COSINE_ORACLE = "cosine-baseline/oracle-context";

    /**
     * Reading order for results that do not list their approaches (older files): no personalization,
     * memory, fine-tuning, both. Newer results carry their registry's order ({@link Results#approaches()}).
     */
    public static final List<String> APPROACHES = List.of(
            NONE, FULL_CONTEXT, MEMORY, GLOBAL_LORA, VARIANT_LORA, USER_LORA, USER_LORA + MERGED_SUFFIX, DOMAIN_LORA, COMBINED);

    /** Pseudo-approaches that bound what personalization can be credited with. */
    public static final List<String> CONTROLS = List.of(CHANCE, MAJORITY_CEILING, OPTION_ONLY);

    /**
     * For results that do not list their approaches: the approaches that personalize through weights
     * alone ({@link Capabilities#CHANGES_WEIGHTS} without {@link Capabilities#READS_CONTEXT}); combined
     * also reads memory, so it adapts and forgets as memory does and is not among them.
     */
    public static final Set<String> FINE_TUNING = Set.of(GLOBAL_LORA, VARIANT_LORA, USER_LORA, USER_LORA + MERGED_SUFFIX, DOMAIN_LORA);

    /** Canonical reading order over approach names. */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt(ApproachNames::rank)
            .thenComparing(ApproachNames::base)
            .thenComparing(name -> name.contains("/") ? 1 : 0)
            .thenComparing(Comparator.naturalOrder());

    private ApproachNames() {
    }

    /** The approach a name belongs to: {@code user-lora/nightly} → {@code user-lora}. */
    public static String base(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    public static boolean isControl(String name) {
        return CONTROLS.contains(base(name));
    }

    public static boolean isFineTuning(String name) {
        return FINE_TUNING.contains(base(name));
    }

    /**
     * Whether the approach personalizes through weights alone, as the run's registry declared it
     * (falling back to {@link #FINE_TUNING} for results that do not list their approaches).
     */
    public static boolean isFineTuning(Results results, String name) {
        String base = base(name).replace(MERGED_SUFFIX, "");
        return results.approach(base)
                .map(info -> info.has(Capabilities.CHANGES_WEIGHTS) && !info.has(Capabilities.READS_CONTEXT))
                .orElse(isFineTuning(name));
    }

    /** Reading order over approach names: the run's registry order when the results list it, {@link #ORDER} otherwise. */
    public static Comparator<String> order(Results results) {
        if (results.approaches().isEmpty()) {
            return ORDER;
        }
        List<String> registry = results.approaches().stream().map(ApproachInfo::name).toList();
        return Comparator.comparingInt((String name) -> {
                    int index = registry.indexOf(base(name).replace(MERGED_SUFFIX, ""));
                    int control = CONTROLS.indexOf(base(name));
                    return index >= 0 ? index : control >= 0 ? registry.size() + 1 + control : registry.size();
                })
                .thenComparing(ApproachNames::base)
                .thenComparing(name -> name.contains("/") ? 1 : 0)
                .thenComparing(Comparator.naturalOrder());
    }

    private static int rank(String name) {
        String base = base(name);
        int approach = APPROACHES.indexOf(base);
        if (approach >= 0) {
            return approach;
        }
        int control = CONTROLS.indexOf(base);
        return control >= 0 ? APPROACHES.size() + 1 + control : APPROACHES.size();
    }
}
