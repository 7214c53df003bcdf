package org.adaptbench.harness.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;

/**
 * Answers a free-text question from an injected context with a langchain4j chat model: LoCoMo's
 * question-answering task, where the answer is scored by token F1 against the gold answer.
 */
public final class ChatQuestionAnswerer {

    /** Short answers, as LoCoMo's gold answers are ("7 May 2023", "painting"). */
    static final int MAX_TOKENS = 64;

    static final String INSTRUCTION = "You answer questions about a long conversation between two people, using only the"
            + " context below. Answer in a few words (a name, a date, a short phrase), with no explanation.";

    private final ChatModel chat;
    private final String endpoint;

    public ChatQuestionAnswerer(ChatModel chat, String endpoint) {
        this.chat = chat;
        this.endpoint = endpoint;
    }

    /** A model on an OpenAI-compatible endpoint, temperature 0, a short reply. */
    public static ChatQuestionAnswerer connect(LlmSettings settings) {
        return new ChatQuestionAnswerer(settings.chatModel(MAX_TOKENS), settings.baseUrl());
    }

    /** The model's answer to {@code question} given {@code context} (memories or the whole conversation). */
    public String answer(String context, String question) {
        try {
            String reply = chat.chat(SystemMessage.from(INSTRUCTION + "\n\n" + context), UserMessage.from(question)).aiMessage().text();
            return reply == null ? "" : reply.trim();
        } catch (RuntimeException e) {
            throw new LlmUnavailableException("the model at " + endpoint + " did not answer: " + e.getMessage(), e);
        }
    }
}
