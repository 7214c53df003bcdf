package org.adaptbench.datasets.synthetic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the synthetic world, read from {@code world.json} beside this class: sentence frames
 * per {@link FrameKind}, topics and option phrases, each split into a pre-training and an evaluation
 * set; filler chat, likewise split; and per dimension the questions and answer texts of every
 * {@link ItemPool}. Answer texts are generic to the dimension: each pool holds parallel variants (one
 * text per option, in the same style and length), and every question of the pool is paired with each.
 */
record WorldText(Frames frames, Split<FillerPair> filler, List<DimensionText> dimensions) {

    /** Every dimension offers exactly this many options, so every query has this many. */
    static final int OPTIONS_PER_DIMENSION = 4;

    private static final String RESOURCE = "world.json";
    private static final Pattern SLOT = Pattern.compile("\\{[a-z]+}");
    private static final WorldText STANDARD = load();

    WorldText {
        dimensions = List.copyOf(dimensions);
    }

    static WorldText standard() {
        return STANDARD;
    }

    /** Texts (or filler exchanges) of one kind in the two wordings, which share none. */
    record Split<T>(List<T> pretraining, List<T> evaluation) {
        Split {
            pretraining = List.copyOf(pretraining);
            evaluation = List.copyOf(evaluation);
        }

        List<T> get(Wording wording) {
            return wording == Wording.PRETRAINING ? pretraining : evaluation;
        }
    }

    /** The sentence frames of every kind. */
    record Frames(Split<String> statement, Split<String> change, Split<String> deletion, Split<String> feedback,
            Split<String> choice) {
        Split<String> get(FrameKind kind) {
            return switch (kind) {
                case STATEMENT -> statement;
                case CHANGE -> change;
                case DELETION -> deletion;
                case FEEDBACK -> feedback;
                case CHOICE -> choice;
            };
        }
    }

    /** One list of texts (questions, or one option's answer variants) per pool. */
    record Pools(List<String> pretraining, List<String> history, List<String> query, List<String> domainHistory,
            List<String> domainQuery, List<String> validationHistory, List<String> validationQuery) {
        Pools {
            pretraining = List.copyOf(pretraining);
            history = List.copyOf(history);
            query = List.copyOf(query);
            domainHistory = List.copyOf(domainHistory);
            domainQuery = List.copyOf(domainQuery);
            validationHistory = List.copyOf(validationHistory);
            validationQuery = List.copyOf(validationQuery);
        }

        List<String> get(ItemPool pool) {
            return switch (pool) {
                case PRETRAINING -> pretraining;
                case HISTORY -> history;
                case QUERY -> query;
                case DOMAIN_HISTORY -> domainHistory;
                case DOMAIN_QUERY -> domainQuery;
                case VALIDATION_HISTORY -> validationHistory;
                case VALIDATION_QUERY -> validationQuery;
            };
        }
    }

    /** Filler chat (a user's line and the assistant's reply), unrelated to any preference. */
    record FillerPair(String user, String assistant) {
    }

    /** One dimension; options are listed most popular first. */
    record DimensionText(String name, String description, Split<String> topics, Pools questions, List<OptionText> options) {
        DimensionText {
            options = List.copyOf(options);
        }
    }

    /** One option: the phrases that name it in each wording and its answer variants in each pool. */
    record OptionText(String name, String description, Split<String> phrases, Pools answers) {
    }

    /**
     * A sentence of {@code kind} in {@code wording} saying that the user wants {@code option} of
     * {@code dimension}: a frame with one of the option's phrases and one of the dimension's topics.
     * Draws the phrase, the frame and the topic from {@code random}, in that order, whatever the frame holds.
     */
    String render(FrameKind kind, Wording wording, int dimension, int option, SplittableRandom random) {
        DimensionText text = dimensions.get(dimension);
        String phrase = pick(text.options().get(option).phrases().get(wording), random);
        String frame = pick(frames.get(kind).get(wording), random);
        String topic = pick(text.topics().get(wording), random);
        return frame.replace("{topic}", topic).replace("{phrase}", phrase);
    }

    /** A choice frame of {@code wording} quoting the picked answer. */
    String renderChoice(Wording wording, String chosen, SplittableRandom random) {
        return pick(frames.choice().get(wording), random).replace("{choice}", chosen);
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
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
        for (FrameKind kind : FrameKind.values()) {
            for (Wording wording : Wording.values()) {
                List<String> list = frames.get(kind).get(wording);
                require(!list.isEmpty(), "no " + wording + " " + kind + " frames");
                for (String frame : list) {
                    require(frame.contains(kind.requiredSlot()), kind + " frame lacks " + kind.requiredSlot() + ": " + frame);
                    Matcher slot = SLOT.matcher(frame);
                    while (slot.find()) {
                        require(kind.allowedSlots().contains(slot.group()), kind + " frame holds an unknown slot: " + frame);
                    }
                }
            }
        }
        for (Wording wording : Wording.values()) {
            require(!filler.get(wording).isEmpty(), "no " + wording + " filler");
        }
        Set<String> names = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        for (DimensionText dimension : dimensions) {
            String where = dimension.name();
            require(names.add(where), "dimension listed twice: " + where);
            require(dimension.options().size() == OPTIONS_PER_DIMENSION, where + " needs " + OPTIONS_PER_DIMENSION + " options");
            for (Wording wording : Wording.values()) {
                require(!dimension.topics().get(wording).isEmpty(), where + " has no " + wording + " topics");
                for (OptionText option : dimension.options()) {
                    require(!option.phrases().get(wording).isEmpty(), where + "/" + option.name() + " lacks " + wording + " phrases");
                }
            }
            for (ItemPool pool : ItemPool.values()) {
                int variants = dimension.options().get(0).answers().get(pool).size();
                require(!dimension.questions().get(pool).isEmpty() && variants > 0, where + " has no " + pool + " questions or answers");
                for (String question : dimension.questions().get(pool)) {
                    // the generator tells pools apart by text: a text in two pools would leak one into the other
                    require(owners.put(question, where + "/" + pool) == null, "question in two places: " + question);
                }
                for (OptionText option : dimension.options()) {
                    require(option.answers().get(pool).size() == variants,
                            where + "/" + option.name() + " needs " + variants + " " + pool + " answers, like the other options");
                    for (String answer : option.answers().get(pool)) {
                        require(owners.put(answer, where + "/" + pool) == null, "answer in two places: " + answer);
                    }
                }
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(RESOURCE + ": " + message);
        }
    }
}
