package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of {@code adaptbench run} ends with exit code 2, a message naming what is wrong, and nothing written. */
class RunCommandTest {

    @TempDir
    Path dir;

    private void assertBadUsage(String expectedInMessage, String... args) {
        Path out = dir.resolve("out");
        CliRun.of(CliRun.writingTo(out, "run", args)).assertRefused(expectedInMessage);
        assertFalse(Files.exists(out), "nothing is written on bad input");
    }

    @Test
    void unknownSuite() {
        assertBadUsage("unknown suite 'huge'", "--suite", "huge");
    }

    @Test
    void unknownApproach() {
        assertBadUsage("unknown approach 'magic'", "--suite", "smoke", "--approaches", "memory,magic");
    }

    @Test
    void unknownScenario() {
        assertBadUsage("unknown scenario 'vibes'", "--suite", "smoke", "--scenarios", "vibes");
    }

    @Test
    void missingDatasetFolder() {
        assertBadUsage("no such file or folder", "--suite", "smoke", "--dataset", dir.resolve("absent").toString());
    }

    @Test
    void unknownOverride() {
        assertBadUsage("no such config", "--suite", "smoke", "--set", "adapters.colour=blue");
    }

    @Test
    void emptyListsMeasureNothingAndAreRefused() {
        assertBadUsage("approaches", "--suite", "smoke", "--approaches", ",");
        assertBadUsage("datasets = []", "--suite", "smoke", "--set", "datasets=[]");
        assertBadUsage("scenarios = []", "--suite", "smoke", "--set", "scenarios=[]");
    }

    @Test
    void outOfRangeValuesAreRefusedBeforeAnythingIsWritten() {
        assertBadUsage("evaluation.users = 0 is not allowed: expected an integer from 1 to 100000", "--suite", "smoke",
                "--set", "evaluation.users=0");
        assertBadUsage("--set evaluation.users=1.5: expected an integer", "--suite", "smoke", "--set", "evaluation.users=1.5");
        assertBadUsage("retrieval.k[0] = 0", "--suite", "smoke", "--set", "retrieval.k=[0]");
        assertBadUsage("adapters.cadence = \"weekly\" is not allowed", "--suite", "smoke", "--set", "adapters.cadence=weekly");
        assertBadUsage("adapters.cadences[1] = \"every-0\"", "--suite", "smoke", "--set", "adapters.cadences=[\"nightly\",\"every-0\"]");
    }

    @Test
    void aCacheDirThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("cache-file"), "x");
        assertBadUsage("cache_dir = " + file + " is not allowed: it is a file", "--suite", "smoke", "--set", "cache_dir=" + file);
    }

    @Test
    void theSameDataTwiceIsRefused() throws Exception {
        Path a = jsonl(dir.resolve("a/data"));
        Path b = jsonl(dir.resolve("b/data"));
        assertBadUsage("holds the same data as datasets[0]", "--suite", "smoke", "--set",
                "datasets=[\"" + a + "\",\"" + b + "\"]");
    }

    @Test
    void aMalformedOrUnreachableLlmEndpointIsRefusedUpFront() {
        assertBadUsage("--base-url not a url: ", "--suite", "smoke", "--llm", "ollama", "--model", "m", "--base-url", "not a url");
        assertBadUsage("expected an http:// or https:// URL", "--suite", "smoke", "--llm", "ollama", "--model", "m",
                "--base-url", "ftp://localhost/v1");
        assertBadUsage("the URL names no host", "--suite", "smoke", "--llm", "ollama", "--model", "m", "--base-url", "http:///v1");
        // port 1 on the loopback: nothing listens there, and the refusal is immediate
        assertBadUsage("cannot reach 127.0.0.1:1", "--suite", "smoke", "--llm", "ollama", "--model", "m",
                "--base-url", "http://127.0.0.1:1/v1");
    }

    /** A small, valid JSONL data set. */
    static Path jsonl(Path data) throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("turns.jsonl"), "{\"user_id\":\"u1\",\"turn_id\":\"t1\",\"role\":\"user\",\"text\":\"I am vegetarian.\",\"timestamp\":1}\n");
        Files.writeString(data.resolve("queries.jsonl"), "{\"user_id\":\"u1\",\"query_id\":\"q1\",\"question\":\"Dinner?\","
                + "\"options\":[\"Steak\",\"Curry\"],\"correct_index\":1}\n");
        return data;
    }

    @Test
    void malformedDatasetNamesFileAndLine() throws Exception {
        Path data = dir.resolve("mine");
        Files.createDirectories(data);
        Files.writeString(data.resolve("turns.jsonl"), "{\"user_id\":\"u1\",\"turn_id\":\"t1\",\"role\":\"robot\",\"text\":\"hi\",\"timestamp\":1}\n");
        Files.writeString(data.resolve("queries.jsonl"), "");
        assertBadUsage("turns.jsonl", "--suite", "smoke", "--dataset", data.toString());
    }
}
