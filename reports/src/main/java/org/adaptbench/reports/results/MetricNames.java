package org.adaptbench.reports.results;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names of the results schema (DESIGN.md), defined once: every module that writes or
 * reads a metric uses these constants, and CI compares metrics by these names across versions.
 * Sweeps add a suffix ({@code accuracy_turns_100}); the builders below make those names.
 */
public final class MetricNames {

    public static final String ACCURACY = "accuracy";
    public static final String ACCURACY_P10_USER = "accuracy_p10_user";
    public static final String ACCURACY_WORST_GROUP = "accuracy_worst_group";
    public static final String ACCURACY_MINORITY = "accuracy_minority";
    public static final String ACCURACY_MAJORITY = "accuracy_majority";
    public static final String LIFT_OVER_NONE = "lift_over_none";
    public static final String TIME_TO_ADAPT_MS = "time_to_adapt_ms";
    public static final String TIME_TO_ADAPT_P50_MS = "time_to_adapt_p50_ms";
    public static final String ADAPTED_FRACTION = "adapted_fraction";
    public static final String ACCURACY_AFTER_CHANGE = "accuracy_after_change";
    public static final String BYTES_PER_USER = "bytes_per_user";
    public static final String TOKENS_PER_REQUEST = "tokens_per_request";
    public static final String LEARN_MS = "learn_ms";
    public static final String TRAIN_SECONDS = "train_seconds";
    public static final String TRAIN_FLOPS = "train_flops";
    public static final String REVERT_AGREEMENT = "revert_agreement";
    public static final String SELECTIVE_RETENTION = "selective_retention";
    public static final String REVERT_SCORE_DIFF = "revert_score_diff";
    public static final String REVERT_MS = "revert_ms";
    /** TOFU-style forget quality: the KS test's p-value between the reverted and the never-told answer scores. */
    public static final String FORGET_QUALITY_P = "forget_quality_ks_p";
    public static final String LATENCY_P50_MS = "latency_p50_ms";
    public static final String LATENCY_P95_MS = "latency_p95_ms";
    public static final String LATENCY_P99_MS = "latency_p99_ms";
    /** Token-level F1 of free-text answers against the gold answer (LoCoMo's question-answering metric). */
    public static final String QA_F1 = "qa_f1";
    /** Median time of one question-answering model call. */
    public static final String QA_LATENCY_P50_MS = "qa_latency_p50_ms";

    private static final String RECALL_AT = "recall_at_";
    private static final String MINUS = "_minus_";
    private static final String RECALL_WITHIN = "recall_within_";
    private static final String RETRIEVED_TOKENS_AT = "retrieved_tokens_at_";
    private static final String LIFT_OVER = "lift_over_";
    private static final String USD_PER_USER_MONTH = "usd_per_user_month_";
    private static final String BREAK_EVEN_REQUESTS = "break_even_requests_";
    private static final String USD_ABOVE_MEMORY = "usd_above_memory_";
    private static final String REVERT_MS_PROJECTED = "revert_ms_projected_";
    /** Regimes map cells: per approach figures and the picks, and the cell's coordinates. */
    private static final String REGIME = "regime_";
    public static final String REGIME_AGREEMENT = "regime_agreement";
    public static final String REGIME_EVENTS = "regime_events";
    public static final String REGIME_CHANGE_RATE = "regime_change_rate";

    /** Headline metrics first, in the order of the scenarios that produce them. */
    public static final List<String> KNOWN = List.of(
            ACCURACY, ACCURACY_P10_USER, ACCURACY_WORST_GROUP, ACCURACY_MINORITY, ACCURACY_MAJORITY, LIFT_OVER_NONE,
            TIME_TO_ADAPT_MS, TIME_TO_ADAPT_P50_MS, ADAPTED_FRACTION, ACCURACY_AFTER_CHANGE,
            BYTES_PER_USER, TOKENS_PER_REQUEST, LEARN_MS, TRAIN_SECONDS, TRAIN_FLOPS,
            REVERT_AGREEMENT, SELECTIVE_RETENTION, REVERT_SCORE_DIFF, REVERT_MS, FORGET_QUALITY_P,
            recallAt(1), recallAt(3), recallAt(5), recallAt(10), recallWithinTokens(256), recallWithinTokens(1024),
            retrievedTokensAt(5), retrievedTokensAt(10), QA_F1, QA_LATENCY_P50_MS,
            LATENCY_P50_MS, LATENCY_P95_MS, LATENCY_P99_MS);

    /** Names a sweep or a parameter extends: the part before the suffix. */
    private static final List<String> FAMILIES = List.of(
            ACCURACY + "_", "tokens_", ACCURACY_AFTER_CHANGE + "_", RECALL_AT, RECALL_WITHIN, RETRIEVED_TOKENS_AT, QA_F1 + "_",
            LIFT_OVER, USD_PER_USER_MONTH, BREAK_EVEN_REQUESTS, USD_ABOVE_MEMORY, REVERT_MS_PROJECTED, REGIME);

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)$");

    /** Known names in their order, then the rest by prefix and numeric suffix ({@code _turns_30} before {@code _turns_100}). */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt((String name) -> {
                int index = KNOWN.indexOf(name);
                return index < 0 ? KNOWN.size() : index;
            })
            .thenComparing(MetricNames::prefix)
            .thenComparingLong(MetricNames::suffixNumber)
            .thenComparing(Comparator.naturalOrder());

    private MetricNames() {
    }

    /**
     * Recall of the gold evidence within the top {@code k}, k counted in dialogue turns; per query
     * group it takes the group as a suffix: {@code recall_at_5_category_2} ({@link #atPoint}).
     */
    public static String recallAt(int k) {
        return RECALL_AT + k;
    }

    /** Recall of the gold evidence within what a context of {@code tokens} tokens shows: {@code recall_within_256_tokens}. */
    public static String recallWithinTokens(int tokens) {
        return RECALL_WITHIN + tokens + "_tokens";
    }

    /** Tokens of the memories retrieved in the top {@code k}: {@code retrieved_tokens_at_5}. */
    public static String retrievedTokensAt(int k) {
        return RETRIEVED_TOKENS_AT + k;
    }

    /** The paired lift of an approach over {@code approach}: {@code lift_over_none}, {@code lift_over_combined_adapter_only}. */
    public static String liftOver(String approach) {
        return LIFT_OVER + approach.replace('-', '_').replace('/', '_');
    }

    /**
     * The paired per-user difference of {@code metric} between the row's approach and {@code opponent}
     * ({@code accuracy_minority_minus_global_lora}), with its interval and p-value.
     */
    public static String minus(String metric, String opponent) {
        return metric + MINUS + opponent.replace('-', '_').replace('/', '_');
    }

    /** The metric a paired difference is of ({@code accuracy_minority} for {@code accuracy_minority_minus_global_lora}), if it is one. */
    public static java.util.Optional<String> differenceOf(String name) {
        int at = name.indexOf(MINUS);
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(name.substring(0, at));
    }

    /** A metric measured at one point of a sweep: {@code accuracy_turns_100}, {@code accuracy_events_20}. */
    public static String atPoint(String metric, String point) {
        return metric + "_" + point;
    }

    /** Tokens added per request at one point of a sweep: {@code tokens_turns_100}. */
    public static String tokensAt(String point) {
        return "tokens_" + point;
    }

    /** Projected dollars per user per month on one model size ({@code usd_per_user_month_llama_3_1_8b}). */
    public static String usdPerUserMonth(String model) {
        return USD_PER_USER_MONTH + slug(model);
    }

    /** Projected dollars per user per month an approach costs above memory on one model size (negative: below). */
    public static String usdAboveMemory(String model) {
        return USD_ABOVE_MEMORY + slug(model);
    }

    /**
     * A regimes cell's figure of one approach: {@code regime_accuracy_memory}, {@code regime_usd_user_lora},
     * {@code regime_pick_global_lora} (1 for the approach the cell picks), {@code regime_winner_...}.
     */
    public static String regime(String figure, String approach) {
        return REGIME + figure + "_" + approach.replace('-', '_').replace('/', '_');
    }

    /** The figures a regimes cell reports per approach. */
    public static final String REGIME_ACCURACY = "accuracy";
    public static final String REGIME_TOKENS = "tokens";
    public static final String REGIME_USD = "usd";
    /** The most accurate approach of the cell. */
    public static final String REGIME_WINNER = "winner";
    /** The cell's pick: the most accurate, or among those statistically tied with it, the cheapest. */
    public static final String REGIME_PICK = "pick";

    /** Projected time to revert by retraining one user's adapter on one model size. */
    public static String revertMsProjected(String model) {
        return REVERT_MS_PROJECTED + slug(model);
    }

    /** Requests per user per month at which adapters cost what memory costs, on one model size. */
    public static String breakEvenRequests(String model) {
        return BREAK_EVEN_REQUESTS + slug(model);
    }

    /** Whether {@code name} is a metric of this schema: a known name, or a member of a known family. */
    public static boolean isKnown(String name) {
        if (differenceOf(name).isPresent()) {
            return isKnown(differenceOf(name).get());
        }
        return KNOWN.contains(name) || FAMILIES.stream().anyMatch(family -> name.startsWith(family) && name.length() > family.length());
    }

    /** "Llama-3.1-8B" → "llama_3_1_8b", for metric names. */
    public static String slug(String name) {
        return name.toLowerCase(Locale.US).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static String prefix(String name) {
        Matcher matcher = NUMBERED.matcher(name);
        return matcher.matches() ? matcher.group(1) : name;
    }

    private static long suffixNumber(String name) {
        Matcher matcher = NUMBERED.matcher(name);
        if (!matcher.matches() || matcher.group(2).length() > 18) {
            return -1;
        }
        return Long.parseLong(matcher.group(2));
    }
}
