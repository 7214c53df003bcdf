package org.adaptbench.harness.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.harness.model.Prompt;

/** Answers multiple-choice prompts with a langchain4j chat model (OpenAI-compatible: OpenAI, Ollama). */
public final class ChatAnswerModel implements AnswerModel {

    private final ChatModel chat;
    private final String endpoint;
    private final AtomicLong unparsed = new AtomicLong();

    public ChatAnswerModel(ChatModel chat, String endpoint) {
        this.chat = chat;
        this.endpoint = endpoint;
    }

    /** A model on an OpenAI-compatible endpoint with bounded timeout and retries, temperature 0. */
    public static ChatAnswerModel connect(LlmSettings settings) {
        return new ChatAnswerModel(settings.chatModel(8), settings.baseUrl());
    }

    @Override
    public Decision decide(Prompt prompt) {
        String reply;
        try {
            reply = chat.chat(SystemMessage.from(MultipleChoicePrompt.system(prompt.contextSection())),
                    UserMessage.from(MultipleChoicePrompt.user(prompt.question(), prompt.options()))).aiMessage().text();
        } catch (RuntimeException e) {
            throw new LlmUnavailableException("the model at " + endpoint + " did not answer: " + rootMessage(e), e);
        }
        double[] probabilities = new double[prompt.options().size()];
        Optional<Integer> index = MultipleChoicePrompt.parse(reply == null ? "" : reply, probabilities.length);
        if (index.isEmpty()) {
            unparsed.incrementAndGet();
            java.util.Arrays.fill(probabilities, 1.0 / probabilities.length);
            return new Decision(-1, probabilities);
        }
        probabilities[index.get()] = 1;
        return new Decision(index.get(), probabilities);
    }

    /** How many replies named no valid option (scored as wrong, reported in the notes). */
    public long unparsedReplies() {
        return unparsed.get();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
