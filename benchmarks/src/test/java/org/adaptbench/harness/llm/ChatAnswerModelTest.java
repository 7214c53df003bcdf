package org.adaptbench.harness.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.harness.model.Prompt;
import org.junit.jupiter.api.Test;

class ChatAnswerModelTest {

    private static final List<String> OPTIONS = List.of("A long essay", "One short line", "A table", "A poem");

    private static LlmSettings settings(String baseUrl, int retries) {
        return new LlmSettings("openai", "test-model", baseUrl, "key", Duration.ofSeconds(5), retries);
    }

    @Test
    void followsTheInjectedContextThroughTheProtocol() throws Exception {
        // the scripted model answers B only when the system message carries the user's preference
        try (FakeOpenAiServer server = new FakeOpenAiServer(request ->
                FakeOpenAiServer.message(request, "system").contains("short") ? "B" : "A")) {
            ChatAnswerModel model = ChatAnswerModel.connect(settings(server.baseUrl(), 0));
            Decision without = model.decide(Prompt.withoutContext("How should I answer?", OPTIONS));
            Decision with = model.decide(new Prompt("How should I answer?", OPTIONS, List.of("prefers short answers"),
                    "<memory>prefers short answers</memory>"));
            assertEquals(0, without.chosen());
            assertEquals(1, with.chosen());
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void unreadableReplyChoosesNothing() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer(request -> "I cannot decide.")) {
            ChatAnswerModel model = ChatAnswerModel.connect(settings(server.baseUrl(), 0));
            assertEquals(-1, model.decide(Prompt.withoutContext("q", OPTIONS)).chosen());
            assertEquals(1, model.unparsedReplies());
        }
    }

    @Test
    void serverErrorsAreRetriedWithinTheBound() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer(request -> "C")) {
            server.failNext(1);
            ChatAnswerModel model = ChatAnswerModel.connect(settings(server.baseUrl(), 2));
            assertEquals(2, model.decide(Prompt.withoutContext("q", OPTIONS)).chosen());
            server.failNext(10);
            assertThrows(LlmUnavailableException.class, () -> model.decide(Prompt.withoutContext("q", OPTIONS)));
            assertTrue(server.requestCount() <= 2 + 3, "retries must be bounded, saw " + server.requestCount());
        }
    }

    @Test
    void unreachableEndpointFailsClearly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ChatAnswerModel model = ChatAnswerModel.connect(settings("http://127.0.0.1:" + port + "/v1", 1));
        LlmUnavailableException failure = assertThrows(LlmUnavailableException.class,
                () -> model.decide(Prompt.withoutContext("q", OPTIONS)));
        assertTrue(failure.getMessage().contains("127.0.0.1:" + port), failure.getMessage());
    }

    @Test
    void lettersAreReadFromCommonReplyShapes() {
        assertEquals(1, MultipleChoicePrompt.parse("B", 4).orElseThrow());
        assertEquals(2, MultipleChoicePrompt.parse("The answer is C.", 4).orElseThrow());
        assertEquals(3, MultipleChoicePrompt.parse("I think D) fits", 4).orElseThrow());
        assertTrue(MultipleChoicePrompt.parse("E", 4).isEmpty());
        assertTrue(MultipleChoicePrompt.parse("", 4).isEmpty());
    }
}
