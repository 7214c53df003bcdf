package org.adaptbench.datasets.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The manifest's account of which wording is reserved for pre-training and which for evaluation
 * (and, within evaluation, which questions and answers serve history choices and which serve queries).
 */
final class TemplateSplit {

    private TemplateSplit() {
    }

    static ObjectNode describe(WorldText text, int dimensions) {
        ObjectNode split = JsonNodeFactory.instance.objectNode();
        for (Wording phase : Wording.values()) {
            ObjectNode node = split.putObject(phase.wireName());
            strings(node, "statement_frames", text.statementFrames().get(phase));
            strings(node, "change_frames", text.changeFrames().get(phase));
            strings(node, "deletion_frames", text.deletionFrames().get(phase));
            strings(node, "choice_frames", text.choiceFrames().get(phase));
            ObjectNode perDimension = node.putObject("dimensions");
            for (WorldText.DimensionText dimension : text.dimensions().subList(0, dimensions)) {
                ObjectNode dimensionNode = perDimension.putObject(dimension.name());
                List<WorldText.Pool> pools = phase == Wording.PRETRAINING
                        ? List.of(WorldText.Pool.PRETRAINING)
                        : List.of(WorldText.Pool.HISTORY, WorldText.Pool.QUERY);
                for (WorldText.Pool pool : pools) {
                    strings(dimensionNode, questionsField(pool), dimension.questions().get(pool));
                }
                ObjectNode options = dimensionNode.putObject("options");
                for (WorldText.OptionText option : dimension.options()) {
                    ObjectNode optionNode = options.putObject(option.name());
                    strings(optionNode, "phrases", option.phrases().get(phase));
                    strings(optionNode, "feedback", option.feedback().get(phase));
                    for (WorldText.Pool pool : pools) {
                        strings(optionNode, answersField(pool), option.answers().get(pool));
                    }
                }
            }
        }
        return split;
    }

    private static String questionsField(WorldText.Pool pool) {
        return switch (pool) {
            case PRETRAINING -> "questions";
            case HISTORY -> "history_choice_questions";
            case QUERY -> "query_questions";
        };
    }

    private static String answersField(WorldText.Pool pool) {
        return switch (pool) {
            case PRETRAINING -> "answers";
            case HISTORY -> "history_choice_answers";
            case QUERY -> "query_answers";
        };
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
