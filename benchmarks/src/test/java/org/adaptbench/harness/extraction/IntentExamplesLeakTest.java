package org.adaptbench.harness.extraction;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.datasets.synthetic.WorldRole;
import org.junit.jupiter.api.Test;

/**
 * The offline extractor's hand-written intent examples (the only sentences its intent model is
 * trained on) share no four-word run with the evaluation world's user turns that the pre-training
 * wording does not share too: what the extractor learnt from, it could not have learnt from the
 * evaluation frames. Common English that both halves use ("I would like to") is allowed. Nor does
 * any share a run with the user turns of the extractor's held-out set ({@code heldout/turns.jsonl}),
 * which must stay wording the extractor never saw.
 */
class IntentExamplesLeakTest {

    private static final String EXAMPLES = "/org/adaptbench/personalization/extract/intent-examples.tsv";
    private static final Pattern WORD = Pattern.compile("[a-z']+");
    private static final int RUN = 4;

    @Test
    void noIntentExampleSharesAnEvaluationOnlyRunOfWords() throws IOException {
        Set<String> evaluationOnly = runs(WorldRole.EVALUATION);
        evaluationOnly.removeAll(runs(WorldRole.VALIDATION));
        evaluationOnly.removeAll(runs(WorldRole.DOMAIN));
        assertFalse(evaluationOnly.isEmpty(), "the evaluation wording has runs of its own");
        List<String> examples = examples();
        assertTrue(examples.size() > 100, "examples read: " + examples.size());
        List<String> leaks = new ArrayList<>();
        for (String example : examples) {
            Set<String> shared = runsOf(example);
            shared.retainAll(evaluationOnly);
            if (!shared.isEmpty()) {
                leaks.add(example + " " + shared);
            }
        }
        assertTrue(leaks.isEmpty(), () -> String.format(Locale.US, "%d intent examples share evaluation-only wording: %s", leaks.size(), leaks));
    }

    @Test
    void noIntentExampleSharesARunOfWordsWithTheHeldOutSet() throws Exception {
        Set<String> heldOut = new HashSet<>();
        Path turns = Path.of(IntentExamplesLeakTest.class.getResource("heldout/turns.jsonl").toURI());
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(turns, StandardCharsets.UTF_8)) {
            JsonNode turn = json.readTree(line);
            if ("user".equals(turn.path("role").asText())) {
                heldOut.addAll(runsOf(turn.path("text").asText()));
            }
        }
        assertTrue(heldOut.size() > 100, "held-out runs read: " + heldOut.size());
        List<String> leaks = new ArrayList<>();
        for (String example : examples()) {
            Set<String> shared = runsOf(example);
            shared.retainAll(heldOut);
            if (!shared.isEmpty()) {
                leaks.add(example + " " + shared);
            }
        }
        assertTrue(leaks.isEmpty(), () -> String.format(Locale.US, "%d intent examples share held-out wording: %s", leaks.size(), leaks));
    }

    /** Every run of words in the user turns of a world of {@code role} (60 users, 60 events each: every frame is drawn). */
    private static Set<String> runs(WorldRole role) {
        SyntheticConfig config = SyntheticConfig.defaults(3).toBuilder().users(60).eventsPerUser(60).role(role).build();
        Set<String> runs = new HashSet<>();
        for (UserData user : SyntheticWorld.generate(config).dataset().users()) {
            user.history().stream().filter(turn -> turn.role() == Role.USER).forEach(turn -> runs.addAll(runsOf(turn.text())));
        }
        return runs;
    }

    private static Set<String> runsOf(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.US));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return runs;
    }

    private static List<String> examples() throws IOException {
        List<String> examples = new ArrayList<>();
        try (InputStream in = IntentExamplesLeakTest.class.getResourceAsStream(EXAMPLES)) {
            assertTrue(in != null, EXAMPLES + " is on the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    examples.add(line.substring(tab + 1));
                }
            }
        }
        return examples;
    }
}
