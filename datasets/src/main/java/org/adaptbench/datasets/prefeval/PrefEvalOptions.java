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
 * @param split which items of each topic are loaded, and in which part; the same items in every form
 *     (forms align by position)
 */
public record PrefEvalOptions(long seed, int fillerTurns, Set<PrefEvalForm> forms, SortedSet<String> topics,
        SortedSet<String> excludedTopics, ItemSplit split) {

    /**
     * The items of each topic a load keeps, drawn by a seeded permutation of the topic's items: the
     * first {@code domain} are the domain part (for training shared adapters and probes, never
     * evaluated), the next {@code evaluated} the evaluated part ({@code evaluated == 0}: every item
     * after the domain part). Each user records its part in the {@link #PART} attribute.
     *
     * @param seed seeds the permutation of each topic's items
     */
    public record ItemSplit(long seed, int domain, int evaluated) {

        /** Every item, all in the evaluated part. */
        public static final ItemSplit ALL = new ItemSplit(0, 0, 0);

        public ItemSplit {
            if (domain < 0 || evaluated < 0) {
                throw new IllegalArgumentException("item counts must not be negative, got " + domain + " and " + evaluated);
            }
        }
    }

    /** The user attribute naming the item's part of the split. */
    public static final String PART = "part";
    /** Part of the items that are never evaluated. */
    public static final String DOMAIN = "domain";
    /** Part of the items that are evaluated. */
    public static final String EVALUATED = "evaluated";

    public PrefEvalOptions {
        if (fillerTurns < 0) {
            throw new IllegalArgumentException("fillerTurns must not be negative, got " + fillerTurns);
        }
        Objects.requireNonNull(split, "split");
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
        return new PrefEvalOptions(seed, 0, EnumSet.allOf(PrefEvalForm.class), new TreeSet<>(), new TreeSet<>(), ItemSplit.ALL);
    }

    public PrefEvalOptions withFillerTurns(int turns) {
        return new PrefEvalOptions(seed, turns, forms, topics, excludedTopics, split);
    }

    public PrefEvalOptions withForms(Set<PrefEvalForm> newForms) {
        return new PrefEvalOptions(seed, fillerTurns, newForms, topics, excludedTopics, split);
    }

    public PrefEvalOptions withTopics(Set<String> newTopics) {
        return new PrefEvalOptions(seed, fillerTurns, forms, new TreeSet<>(newTopics), excludedTopics, split);
    }

    public PrefEvalOptions withExcludedTopics(Set<String> newExcluded) {
        return new PrefEvalOptions(seed, fillerTurns, forms, topics, new TreeSet<>(newExcluded), split);
    }

    /** A seeded sample of {@code items} items per topic (seeded by this load's seed), all evaluated. */
    public PrefEvalOptions withItemsPerTopic(int items) {
        return withSplit(new ItemSplit(seed, 0, items));
    }

    public PrefEvalOptions withSplit(ItemSplit newSplit) {
        return new PrefEvalOptions(seed, fillerTurns, forms, topics, excludedTopics, newSplit);
    }

    /** True when {@code topic} passes the topic filters. */
    public boolean keeps(String topic) {
        return (topics.isEmpty() || topics.contains(topic)) && !excludedTopics.contains(topic);
    }
}
