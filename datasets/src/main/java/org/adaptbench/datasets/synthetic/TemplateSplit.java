package org.adaptbench.datasets.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The manifest's account of the world's text: which wording and which question pools each role (and
 * the pre-training corpus) uses, both wordings in full (frames, topics, option phrases, filler), and
 * every pool's questions and answer variants.
 */
final class TemplateSplit {

    /** How answer texts relate to questions; said in the manifest so a reader need not guess. */
    static final String ANSWERS = "generic to the dimension: each pool holds parallel answer variants (one text per option,"
            + " alike in style and length); every question of the pool is paired with every variant, options in a seeded order";

    private TemplateSplit() {
    }

    static ObjectNode describe(WorldText text, int dimensions) {
        ObjectNode split = JsonNodeFactory.instance.objectNode();
        split.put("answers", ANSWERS);
        ObjectNode roles = split.putObject("roles");
        for (WorldRole role : WorldRole.values()) {
            ObjectNode node = roles.putObject(role.wireName());
            node.put("wording", role.wording().wireName());
            node.put("history_choice_pool", role.choices().wireName());
            node.put("query_pool", role.queries().wireName());
        }
        ObjectNode corpus = roles.putObject("pretraining_corpus");
        corpus.put("wording", Wording.PRETRAINING.wireName());
        corpus.put("query_pool", ItemPool.PRETRAINING.wireName());

        ObjectNode wordings = split.putObject("wordings");
        for (Wording wording : Wording.values()) {
            ObjectNode node = wordings.putObject(wording.wireName());
            ObjectNode frames = node.putObject("frames");
            for (FrameKind kind : FrameKind.values()) {
                strings(frames, kind.wireName(), text.frames().get(kind).get(wording));
            }
            ArrayNode filler = node.putArray("filler");
            for (WorldText.FillerPair pair : text.filler().get(wording)) {
                filler.addObject().put("user", pair.user()).put("assistant", pair.assistant());
            }
            ObjectNode perDimension = node.putObject("dimensions");
            for (WorldText.DimensionText dimension : text.dimensions().subList(0, dimensions)) {
                ObjectNode dimensionNode = perDimension.putObject(dimension.name());
                strings(dimensionNode, "topics", dimension.topics().get(wording));
                ObjectNode phrases = dimensionNode.putObject("phrases");
                for (WorldText.OptionText option : dimension.options()) {
                    strings(phrases, option.name(), option.phrases().get(wording));
                }
            }
        }

        ObjectNode pools = split.putObject("pools");
        for (ItemPool pool : ItemPool.values()) {
            ObjectNode perDimension = pools.putObject(pool.wireName());
            for (WorldText.DimensionText dimension : text.dimensions().subList(0, dimensions)) {
                ObjectNode dimensionNode = perDimension.putObject(dimension.name());
                strings(dimensionNode, "questions", dimension.questions().get(pool));
                ObjectNode answers = dimensionNode.putObject("answers");
                for (WorldText.OptionText option : dimension.options()) {
                    strings(answers, option.name(), option.answers().get(pool));
                }
            }
        }
        return split;
    }


    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
