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
 * @param itemsPerTopic at most this many items per topic and form, 0 for all; the kept items are a
 *     seeded sample drawn per topic, so every form keeps the same items (forms align by position)
 */
public record PrefEvalOptions(long seed, int fillerTurns, Set<PrefEvalForm> forms, SortedSet<String> topics,
        SortedSet<String> excludedTopics, int itemsPerTopic) {

    public PrefEvalOptions {
        if (fillerTurns < 0) {
            throw new IllegalArgumentException("fillerTurns must not be negative, got " + fillerTurns);
        }
        if (itemsPerTopic < 0) {
            throw new IllegalArgumentException("itemsPerTopic must not be negative, got " + itemsPerTopic);
        }
        Objects.requireNonNull(forms, "forms");
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("at least one form is needed");
        }
        forms = Collections.unmodifiableSet(EnumSet.copyOf(forms));
        topics = Collections.unmodifiableSortedSet(new TreeSet<>(topics));
        excludedTopics = Collections.unmodifiableSortedSet(new TreeSet<>(excludedTopics));
    }

    /** Every form, topic and item, no filler. */
    public static PrefEvalOptions defaults(long seed) {
        return new PrefEvalOptions(seed, 0, EnumSet.allOf(PrefEvalForm.class), new TreeSet<>(), new TreeSet<>(), 0);
    }

    public PrefEvalOptions withFillerTurns(int turns) {
        return new PrefEvalOptions(seed, turns, forms, topics, excludedTopics, itemsPerTopic);
    }

    public PrefEvalOptions withForms(Set<PrefEvalForm> newForms) {
        return new PrefEvalOptions(seed, fillerTurns, newForms, topics, excludedTopics, itemsPerTopic);
    }

    public PrefEvalOptions withTopics(Set<String> newTopics) {
        return new PrefEvalOptions(seed, fillerTurns, forms, new TreeSet<>(newTopics), excludedTopics, itemsPerTopic);
    }

    public PrefEvalOptions withExcludedTopics(Set<String> newExcluded) {
        return new PrefEvalOptions(seed, fillerTurns, forms, topics, new TreeSet<>(newExcluded), itemsPerTopic);
    }

    public PrefEvalOptions withItemsPerTopic(int items) {
        return new PrefEvalOptions(seed, fillerTurns, forms, topics, excludedTopics, items);
    }

    /** True when {@code topic} passes the topic filters. */
    public boolean keeps(String topic) {
        return (topics.isEmpty() || topics.contains(topic)) && !excludedTopics.contains(topic);
    }
}
