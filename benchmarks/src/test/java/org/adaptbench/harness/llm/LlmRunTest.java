package org.adaptbench.harness.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.adaptbench.cli.AdaptBench;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with {@code --llm} end to end against a loopback server that speaks the OpenAI protocol: the
 * LLM answers for the approaches that change no weights, extracts the memory layer's preferences with
 * {@code memory.extractor=llm}, and the adapter approaches are reported as not applicable.
 */
class LlmRunTest {

    @TempDir
    Path dir;

    @Test
    void theLlmAnswersAndExtractsAndAdaptersAreNotApplicable() throws Exception {
        AtomicInteger extractions = new AtomicInteger();
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger answersWithMemories = new AtomicInteger();
        try (FakeOpenAiServer server = new FakeOpenAiServer(request -> {
            String system = FakeOpenAiServer.message(request, "system");
            if (system.startsWith("You extract lasting user preferences")) {
                extractions.incrementAndGet();
                // remember the message as it is: the user message ends with it as a JSON string
                String user = FakeOpenAiServer.message(request, "user");
                String quoted = user.substring(user.indexOf('\n') + 1);
                return "{\"preferences\": [{\"action\": \"remember\", \"statement\": " + quoted + ", \"confidence\": 0.9}]}";
            }
            answers.incrementAndGet();
            if (system.contains("<user-memories-")) {
                answersWithMemories.incrementAndGet();
            }
            return "A";
        })) {
            Path out = dir.resolve("run");
            int exit = AdaptBench.execute("run", "--suite", "smoke", "--dataset", "synthetic", "--scenarios", "granularity",
                    "--approaches", "none,memory,user-lora", "--set", "evaluation.users=2", "--set", "memory.extractor=llm",
                    "--set", "cache_dir=" + dir.resolve("cache"), "--llm", "ollama", "--model", "scripted",
                    "--base-url", server.baseUrl(), "--out", out.toString());
            assertEquals(0, exit);
            Results results = ResultsIo.read(out);
            // the scripted model always answers A, whatever the context: both approaches score the share of A-answers
            double none = results.metric("granularity", "none", MetricNames.ACCURACY).orElseThrow().value();
            assertEquals(none, results.metric("granularity", "memory", MetricNames.ACCURACY).orElseThrow().value(), 1e-12);
            assertTrue(none > 0 && none < 1, "some right answers are A, not all: " + none);
            assertFalse(results.metric("granularity", "user-lora", MetricNames.ACCURACY).isPresent());
            assertTrue(results.notes().stream().anyMatch(note -> note.contains("user-lora is not applicable to a remote LLM")),
                    results.notes().toString());
            assertTrue(results.environment().get("llm").contains(server.baseUrl()), results.environment().toString());
            assertTrue(extractions.get() > 0, "the memory layer extracted with the LLM");
            assertTrue(answers.get() > 0, "the LLM answered the questions");
            assertTrue(answersWithMemories.get() > 0, "memories the LLM extracted reached its prompts");
        }
    }

    @Test
    void theLlmExtractorWithoutAnLlmIsBadUsage() {
        Path out = dir.resolve("refused");
        assertEquals(2, AdaptBench.execute("run", "--suite", "smoke", "--dataset", "synthetic", "--set", "memory.extractor=llm",
                "--out", out.toString()));
        assertEquals(2, AdaptBench.execute("run", "--suite", "smoke", "--dataset", "synthetic", "--set", "memory.extractor=gpt",
                "--out", out.toString()));
        assertFalse(Files.exists(out), "nothing written");
    }
}
