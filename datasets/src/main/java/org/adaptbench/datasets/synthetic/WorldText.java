package org.adaptbench.datasets.synthetic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adaptbench.datasets.model.WireName;

/**
 * The wording of the synthetic world, read from {@code world.json} beside this class: sentence
 * frames, per-option phrases, feedback and answer texts, and questions, each split into a
 * pre-training and an evaluation set (questions and answers further into a history pool and a
 * query pool, so no query ever repeats a choice seen in a history).
 */
record WorldText(
        Split statementFrames,
        Split changeFrames,
        Split deletionFrames,
        Split choiceFrames,
        List<FillerPair> filler,
        List<DimensionText> dimensions) {

    /** Every dimension offers exactly this many options, so every query has this many. */
    static final int OPTIONS_PER_DIMENSION = 4;

    private static final String RESOURCE = "world.json";
    private static final WorldText STANDARD = load();

    WorldText {
        filler = List.copyOf(filler);
        dimensions = List.copyOf(dimensions);
    }

    static WorldText standard() {
        return STANDARD;
    }

    /** Which questions and answer texts a question item draws on. */
    enum Pool implements WireName {
        PRETRAINING, HISTORY, QUERY;

        /** The pool of the choices offered in histories of this wording. */
        static Pool choices(Wording wording) {
            return wording == Wording.PRETRAINING ? PRETRAINING : HISTORY;
        }

        /**
         * The pool of the queries of this wording. Pre-training wording has a single pool, so its
         * queries may repeat a question offered as a choice; evaluation wording keeps them apart.
         */
        static Pool queries(Wording wording) {
            return wording == Wording.PRETRAINING ? PRETRAINING : QUERY;
        }
    }

    record Split(List<String> pretraining, List<String> evaluation) {
        Split {
            pretraining = List.copyOf(pretraining);
            evaluation = List.copyOf(evaluation);
        }

        List<String> get(Wording wording) {
            return wording == Wording.PRETRAINING ? pretraining : evaluation;
        }
    }

    record Pools(List<String> pretraining, List<String> history, List<String> query) {
        Pools {
            pretraining = List.copyOf(pretraining);
            history = List.copyOf(history);
            query = List.copyOf(query);
        }

        List<String> get(Pool pool) {
            return switch (pool) {
                case PRETRAINING -> pretraining;
                case HISTORY -> history;
                case QUERY -> query;
            };
        }
    }

    record FillerPair(String user, String assistant) {
    }

    /** One dimension; options are listed most popular first. */
    record DimensionText(String name, String description, String topic, Pools questions, List<OptionText> options) {
        DimensionText {
            options = List.copyOf(options);
        }
    }

    record OptionText(String name, String description, Split phrases, Split feedback, Pools answers) {
    }

    private static WorldText load() {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .build();
        try (InputStream in = WorldText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the datasets jar");
            }
            WorldText text = mapper.readValue(in, WorldText.class);
            text.check();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The invariants the generator relies on; a broken resource fails at class load, not mid-run. */
    private void check() {
        for (Split frames : List.of(statementFrames, changeFrames, deletionFrames)) {
            requireSlot(frames, "{phrase}");
        }
        requireSlot(choiceFrames, "{choice}");
        Set<String> names = new HashSet<>();
        for (DimensionText dimension : dimensions) {
            if (!names.add(dimension.name())) {
                throw new IllegalStateException("dimension listed twice: " + dimension.name());
            }
            if (dimension.options().size() != OPTIONS_PER_DIMENSION) {
                throw new IllegalStateException(dimension.name() + " needs " + OPTIONS_PER_DIMENSION + " options");
            }
            for (Pool pool : Pool.values()) {
                int variants = dimension.options().get(0).answers().get(pool).size();
                if (dimension.questions().get(pool).isEmpty() || variants == 0) {
                    throw new IllegalStateException(dimension.name() + " has no " + pool + " questions or answers");
                }
                for (OptionText option : dimension.options()) {
                    if (option.answers().get(pool).size() != variants) {
                        throw new IllegalStateException(dimension.name() + "/" + option.name()
                                + " needs " + variants + " " + pool + " answers, like the other options");
                    }
                }
            }
            for (OptionText option : dimension.options()) {
                for (Wording phase : Wording.values()) {
                    if (option.phrases().get(phase).isEmpty() || option.feedback().get(phase).isEmpty()) {
                        throw new IllegalStateException(dimension.name() + "/" + option.name() + " lacks " + phase + " texts");
                    }
                }
            }
        }
    }

    private static void requireSlot(Split frames, String slot) {
        for (Wording phase : Wording.values()) {
            if (frames.get(phase).isEmpty()) {
                throw new IllegalStateException("no " + phase + " frames for " + slot);
            }
            for (String frame : frames.get(phase)) {
                if (!frame.contains(slot)) {
                    throw new IllegalStateException("frame lacks " + slot + ": " + frame);
                }
            }
        }
    }
}
