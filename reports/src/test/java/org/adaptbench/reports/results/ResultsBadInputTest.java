package org.adaptbench.reports.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsBadInputTest {

    @TempDir
    Path dir;

    private static final String METRIC = "{\"value\": 0.8, \"ci_low\": 0.7, \"ci_high\": 0.9, \"n\": 40, \"unit\": \"fraction\", \"higher_is_better\": true}";

    private static String results(String metric) {
        return "{\"schema_version\": 1, \"run_id\": \"r\", \"scenarios\": {\"granularity\": {\"memory\": {\"accuracy\": " + metric + "}}}}";
    }

    private String failure(String json) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, json);
        return assertThrows(ResultsFormatException.class, () -> ResultsIo.read(dir)).getMessage();
    }

    @Test
    void minimalFileReadsWithOptionalPartsEmpty() throws Exception {
        Files.writeString(dir.resolve("results.json"), results(METRIC));
        Results results = ResultsIo.read(dir);
        assertEquals(0.8, results.metric("granularity", "memory", MetricNames.ACCURACY).orElseThrow().value());
        assertTrue(results.series().isEmpty() && results.notes().isEmpty() && results.claims().isEmpty());
        assertEquals("unknown", results.gitSha());
    }

    private static String withClaim(String claim) {
        return results(METRIC).replace("{\"schema_version\": 1,", "{\"schema_version\": 1, \"claims\": [" + claim + "],");
    }

    private static final String CLAIM_TEXT = "\"id\": \"granularity\", \"statement\": \"s\", \"evidence\": \"e\", \"rule\": \"r\","
            + " \"verdict\": \"SUPPORTED\"";
    private static final String FIGURE = "{\"label\": \"memory − global-lora\", \"subject\": \"memory\", \"opponent\": \"global-lora\","
            + " \"metric\": \"accuracy_minority\", \"unit\": \"fraction\", \"value\": 0.3, \"ci_low\": 0.2, \"ci_high\": 0.4, \"n\": 16}";

    @Test
    void claimsWithoutABasisReadAndABasisIsCheckedByField() throws Exception {
        Files.writeString(dir.resolve("results.json"), withClaim("{" + CLAIM_TEXT + "}"));
        Claim old = ResultsIo.read(dir).claims().get(0);
        assertEquals(ClaimBasis.NONE, old.basis(), "a file written before claims carried a basis");
        Files.writeString(dir.resolve("results.json"), withClaim("{" + CLAIM_TEXT + ", \"basis\": {\"deciding\": " + FIGURE
                + ", \"why\": \"w\", \"figures\": [" + FIGURE + "]}}"));
        ClaimFigure deciding = ResultsIo.read(dir).claims().get(0).basis().deciding();
        assertEquals("global-lora", deciding.opponent());
        assertTrue(deciding.items().isEmpty(), "distinct items unknown when absent");
        String outside = failure(withClaim("{" + CLAIM_TEXT + ", \"basis\": {\"figures\": [" + FIGURE.replace("0.2,", "0.35,") + "]}}"));
        assertTrue(outside.contains("claims[0].basis.figures[0]") && outside.contains("does not contain"), outside);
        String noLabel = failure(withClaim("{" + CLAIM_TEXT + ", \"basis\": {\"deciding\": " + FIGURE.replace("\"label\"", "\"lbl\"") + "}}"));
        assertTrue(noLabel.contains("claims[0].basis.deciding.label") && noLabel.contains("missing"), noLabel);
        String badItems = failure(withClaim("{" + CLAIM_TEXT + ", \"basis\": {\"deciding\": " + FIGURE.replace("\"n\": 16", "\"n\": 16, \"distinct_items\": 0") + "}}"));
        assertTrue(badItems.contains("claims[0].basis.deciding.distinct_items"), badItems);
        String noVerdict = failure(withClaim("{" + CLAIM_TEXT.replace("\"verdict\"", "\"v\"") + "}"));
        assertTrue(noVerdict.contains("claims[0].verdict"), noVerdict);
    }

    @Test
    void nonFiniteValuesAreRefusedByField() throws Exception {
        for (String spelling : new String[] {"\"NaN\"", "\"+INF\"", "\"-Infinity\""}) {
            String message = failure(results(METRIC.replace("0.8,", spelling + ",")));
            assertTrue(message.contains("scenarios.granularity.memory.accuracy.value"), message);
            assertTrue(message.contains("NaN and infinities are not allowed"), message);
        }
        String bare = failure(results(METRIC.replace("0.8,", "NaN,")));
        assertTrue(bare.contains("not valid JSON at line 1"), bare);
        String huge = failure(results(METRIC.replace("0.9,", "1e999,")));
        assertTrue(huge.contains("ci_high") && huge.contains("finite"), huge);
    }

    @Test
    void missingOrWrongMetricFieldsAreNamed() throws Exception {
        String missing = failure(results(METRIC.replace("\"n\": 40, ", "")));
        assertTrue(missing.contains("scenarios.granularity.memory.accuracy.n") && missing.contains("missing"), missing);
        String zero = failure(results(METRIC.replace("\"n\": 40", "\"n\": 0")));
        assertTrue(zero.contains("at least 1"), zero);
        String outside = failure(results(METRIC.replace("\"ci_low\": 0.7", "\"ci_low\": 0.85")));
        assertTrue(outside.contains("does not contain"), outside);
        String noScenarios = failure("{\"schema_version\": 1, \"run_id\": \"r\"}");
        assertTrue(noScenarios.contains("'scenarios'"), noScenarios);
        String badPoint = failure("{\"schema_version\": 1, \"run_id\": \"r\", \"scenarios\": {}, \"series\": {\"adaptation\": {\"c\":"
                + " {\"x_label\": \"x\", \"y_label\": \"y\", \"higher_is_better\": true, \"lines\": {\"memory\": [{\"x\": 1, \"y\": \"NaN\","
                + " \"ci_low\": 0, \"ci_high\": 1, \"n\": 3}]}}}}}");
        assertTrue(badPoint.contains("series.adaptation.c.lines.memory[0].y"), badPoint);
        String badDistribution = failure("{\"schema_version\": 1, \"run_id\": \"r\", \"scenarios\": {},"
                + " \"distributions\": {\"granularity\": {\"memory\": {\"per_user_accuracy\": [0.5, \"x\"]}}}}");
        assertTrue(badDistribution.contains("distributions.granularity.memory.per_user_accuracy[1]"), badDistribution);
    }

    @Test
    void truncatedEmptyAndForeignFilesAreRefused() throws Exception {
        String truncated = failure(results(METRIC).substring(0, 80));
        assertTrue(truncated.contains("not valid JSON") && truncated.contains("line 1"), truncated);
        assertTrue(failure("").contains("empty file"));
        assertTrue(failure("[1, 2]").contains("expected a JSON object"));
        assertTrue(failure("{\"hello\": 1}").contains("schema_version"));
        String missing = assertThrows(ResultsFormatException.class, () -> ResultsIo.read(dir.resolve("nowhere"))).getMessage();
        assertTrue(missing.contains("no such file"), missing);
    }

    @Test
    void otherSchemaVersionsSayWhich() throws Exception {
        String newer = failure(results(METRIC).replace("\"schema_version\": 1", "\"schema_version\": 2"));
        assertTrue(newer.contains("newer AdaptBench") && newer.contains("reads version 1"), newer);
        String older = failure(results(METRIC).replace("\"schema_version\": 1", "\"schema_version\": 0"));
        assertTrue(older.contains("never written"), older);
        String text = failure(results(METRIC).replace("\"schema_version\": 1", "\"schema_version\": \"1\""));
        assertTrue(text.contains("not an integer"), text);
    }

    @Test
    void aHugeResultsFileIsRefusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("results.json");
        try (var huge = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(3L << 30); // 3 GiB, sparse: no disk and no time spent
        }
        long start = System.nanoTime();
        String message = assertThrows(ResultsFormatException.class, () -> ResultsIo.read(dir)).getMessage();
        assertTrue(message.contains("results.json") && message.contains("3,221,225,472 bytes")
                && message.contains("(128 MiB) a results or JMH file may have"), message);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused by its size, not read");
    }

    @Test
    void aFifoOrAFolderInPlaceOfTheResultsIsRefusedBeforeOpening() throws Exception {
        Files.createDirectories(dir.resolve("as-folder/results.json"));
        String folder = assertThrows(ResultsFormatException.class, () -> ResultsIo.read(dir.resolve("as-folder"))).getMessage();
        assertTrue(folder.contains("is a folder, not a file"), folder);
        Path fifo = dir.resolve("fifo.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        String special = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> assertThrows(ResultsFormatException.class, () -> ResultsIo.readJson(fifo)).getMessage());
        assertTrue(special.contains("is a special file (a FIFO, socket or device)"), special);
    }

    @Test
    void samplesThatAreNotUtf8NameTheLine() throws Exception {
        String good = "{\"scenario\":\"s\",\"approach\":\"a\",\"variant\":\"\",\"user_id\":\"u\","
                + "\"query_id\":\"q\",\"correct\":true,\"chosen\":0,\"tokens_added\":0,\"latency_ms\":1.0}\n";
        byte[] latin1 = good.replace("\"u\"", "\"caf\u00e9\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(latin1);
        Files.write(dir.resolve("samples.jsonl"), bytes.toByteArray());
        String message = assertThrows(ResultsFormatException.class, () -> ResultsIo.readSamples(dir)).getMessage();
        assertTrue(message.contains("samples.jsonl") && message.contains("line 2: not UTF-8 text"), message);
    }

    @Test
    void badSampleLinesNameTheLine() throws Exception {
        Files.writeString(dir.resolve("samples.jsonl"), "{\"scenario\":\"s\",\"approach\":\"a\",\"variant\":\"\",\"user_id\":\"u\","
                + "\"query_id\":\"q\",\"correct\":true,\"chosen\":0,\"tokens_added\":0,\"latency_ms\":1.0}\n{\"scenario\":\"s\",");
        String message = assertThrows(ResultsFormatException.class, () -> ResultsIo.readSamples(dir)).getMessage();
        assertTrue(message.contains("samples.jsonl") && message.contains("line 2"), message);
        Files.writeString(dir.resolve("samples.jsonl"), "{\"scenario\":\"s\",\"approach\":\"a\",\"variant\":\"\",\"user_id\":\"u\","
                + "\"query_id\":\"q\",\"correct\":true,\"chosen\":0,\"tokens_added\":0,\"latency_ms\":\"NaN\"}\n");
        message = assertThrows(ResultsFormatException.class, () -> ResultsIo.readSamples(dir)).getMessage();
        assertTrue(message.contains("line 1") && message.contains("latency_ms"), message);
    }
}
