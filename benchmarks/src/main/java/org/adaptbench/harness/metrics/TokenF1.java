package org.adaptbench.harness.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Token-level F1 of a free-text answer against the gold answer, as LoCoMo (after SQuAD) scores
 * question answering: both lower-cased, punctuation and the articles a/an/the removed, split on
 * white space; F1 of the two token multisets. (LoCoMo's script also Porter-stems the tokens; this
 * does not, so a figure here can be slightly lower than one from that script.)
 */
public final class TokenF1 {

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private TokenF1() {
    }

    /** F1 in [0, 1]; 1 when both are empty after normalisation, 0 when only one is. */
    public static double of(String prediction, String gold) {
        List<String> predicted = tokens(prediction);
        List<String> wanted = tokens(gold);
        if (predicted.isEmpty() || wanted.isEmpty()) {
            return predicted.isEmpty() && wanted.isEmpty() ? 1.0 : 0.0;
        }
        Map<String, Integer> counts = new HashMap<>();
        wanted.forEach(token -> counts.merge(token, 1, Integer::sum));
        int common = 0;
        for (String token : predicted) {
            Integer left = counts.get(token);
            if (left != null && left > 0) {
                common++;
                counts.put(token, left - 1);
            }
        }
        if (common == 0) {
            return 0.0;
        }
        double precision = common / (double) predicted.size();
        double recall = common / (double) wanted.size();
        return 2 * precision * recall / (precision + recall);
    }

    static List<String> tokens(String text) {
        String cleaned = text.toLowerCase(Locale.US).replaceAll("[\\p{Punct}\u2018\u2019\u201c\u201d]", " ");
        List<String> tokens = new ArrayList<>();
        for (String token : cleaned.trim().split("\\s+")) {
            if (!token.isEmpty() && !ARTICLES.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
