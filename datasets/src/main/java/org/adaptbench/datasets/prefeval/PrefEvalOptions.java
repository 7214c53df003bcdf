package org.adaptbench.datasets.prefeval;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How to load PrefEval.
 *
 * @param seed seeds the option shuffle and the choice of filler; each item has its own stream,
 *     so filters never change how an item is shuffled
 * @param fillerTurns filler messages inserted between the preference and the question (PrefEval
 *     uses 0, 10, 30, 100, 300); filler is cycled when more is asked than the file holds
 * @param forms the forms to load (not empty)
 * @param topics topics to keep; empty keeps every topic found on disk
 * @param excludedTopics topics to drop
 */
public record PrefEvalOptions(long seed, int fillerTurns, Set<PrefEvalForm> forms, SortedSet<String> topics,
        SortedSet<String> excludedTopics) {

    public PrefEvalOptions {
        if (fillerTurns < 0) {
            throw new IllegalArgumentException("fillerTurns must not be negative, got " + fillerTurns);
        }
        Objects.requireNonNull(forms, "forms");
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("at least one form is needed");
        }
        forms = Collections.unmodifiableSet(EnumSet.copyOf(forms));
        topics = Collections.unmodifiableSortedSet(new TreeSet<>(topics));
        excludedTopics = Collections.unmodifiableSortedSet(new TreeSet<>(excludedTopics));
    }

    /** Every form and topic, no filler. */
    public static PrefEvalOptions defaults(long seed) {
        return new PrefEvalOptions(seed, 0, EnumSet.allOf(PrefEvalForm.class), new TreeSet<>(), new TreeSet<>());
    }

    public PrefEvalOptions withFillerTurns(int turns) {
        return new PrefEvalOptions(seed, turns, forms, topics, excludedTopics);
    }

    public PrefEvalOptions withForms(Set<PrefEvalForm> newForms) {
        return new PrefEvalOptions(seed, fillerTurns, newForms, topics, excludedTopics);
    }

    public PrefEvalOptions withTopics(Set<String> newTopics) {
        return new PrefEvalOptions(seed, fillerTurns, forms, new TreeSet<>(newTopics), excludedTopics);
    }

    public PrefEvalOptions withExcludedTopics(Set<String> newExcluded) {
        return new PrefEvalOptions(seed, fillerTurns, forms, topics, new TreeSet<>(newExcluded));
    }

    /** True when {@code topic} passes the topic filters. */
    public boolean keeps(String topic) {
        return (topics.isEmpty() || topics.contains(topic)) && !excludedTopics.contains(topic);
    }
}
