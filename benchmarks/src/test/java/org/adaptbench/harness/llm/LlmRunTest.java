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

    /**
     * LoCoMo's question answering through the loopback server: the scripted model answers right only
     * when the gold evidence is in its context, so memory's F1 is the share of questions whose evidence
     * its context shows, and full context (which shows everything) scores 1.
     */
    @Test
    void theLlmAnswersLocomoQuestionsScoredByTokenF1() throws Exception {
        Path locomo = dir.resolve("tiny-locomo.json");
        StringBuilder turns = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            turns.append(i == 1 ? "" : ", ").append("{\"speaker\": \"Al\", \"dia_id\": \"D1:").append(i)
                    .append("\", \"text\": \"").append(i == 7 ? "I adopted a greyhound called Biscuit" : "Small talk number " + i).append("\"}");
        }
        Files.writeString(locomo, "[{\"sample_id\": \"s1\", \"conversation\": {\"speaker_a\": \"Al\", \"speaker_b\": \"Bo\","
                + " \"session_1_date_time\": \"1:56 pm on 8 May, 2023\", \"session_1\": [" + turns + "]},"
                + " \"qa\": [{\"question\": \"What is the name of Al's greyhound?\", \"answer\": \"Biscuit\", \"evidence\": [\"D1:7\"], \"category\": 4},"
                + " {\"question\": \"What is Bo's favourite colour?\", \"adversarial_answer\": \"red\", \"evidence\": [\"D1:3\"], \"category\": 5}]}]");
        AtomicInteger questions = new AtomicInteger();
        try (FakeOpenAiServer server = new FakeOpenAiServer(request -> {
            String system = FakeOpenAiServer.message(request, "system");
            if (system.startsWith("You answer questions about a long conversation")) {
                questions.incrementAndGet();
                return system.contains("Biscuit") ? "Biscuit." : "unknown";
            }
            return "A";
        })) {
            Path out = dir.resolve("locomo-run");
            int exit = AdaptBench.execute("run", "--suite", "smoke", "--dataset", locomo.toString(), "--scenarios", "retrieval",
                    "--approaches", "memory,full-context", "--set", "cache_dir=" + dir.resolve("cache"), "--llm", "ollama",
                    "--model", "scripted", "--base-url", server.baseUrl(), "--out", out.toString());
            assertEquals(0, exit);
            Results results = ResultsIo.read(out);
            assertEquals(1.0, results.metric("retrieval", "memory", MetricNames.QA_F1).orElseThrow().value(), 1e-12,
                    "memory's context shows the greyhound turn");
            assertEquals(1.0, results.metric("retrieval", "full-context", MetricNames.QA_F1).orElseThrow().value(), 1e-12);
            assertEquals(1.0, results.metric("retrieval", "memory", MetricNames.recallAt(1)).orElseThrow().value(), 1e-12);
            assertTrue(results.metric("retrieval", "memory", MetricNames.QA_LATENCY_P50_MS).isPresent());
            assertTrue(results.metric("retrieval", "full-context", MetricNames.TOKENS_PER_REQUEST).orElseThrow().value()
                    > results.metric("retrieval", "memory", MetricNames.TOKENS_PER_REQUEST).orElseThrow().value(),
                    "the whole conversation costs more tokens than memory's context");
            assertFalse(results.metric("retrieval", "memory/dense-only", MetricNames.QA_F1).isPresent(), "ablations ask no model");
            assertEquals(2, questions.get(), "one answerable question, asked for memory and for full context (not the adversarial one)");
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
