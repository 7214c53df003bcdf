package org.adaptbench.personalization.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The grammar cues' fast path for ASCII text finds what the Unicode case-folding matcher finds. */
class GrammarCuesTest {

    private static final int FOLDING = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    @Test
    void everyCueAgreesWithTheFoldingMatcherOnAsciiSentencesInAnyCase() {
        List<String> sentences = new ArrayList<>();
        for (IntentModel.Example example : IntentModel.bundledExamples()) {
            String text = example.text();
            sentences.add(text);
            sentences.add(text.toUpperCase(Locale.ROOT));
            sentences.add(randomCase(text, new Random(text.hashCode())));
        }
        sentences.addAll(shuffledWords(IntentModel.bundledExamples().stream().map(IntentModel.Example::text).toList(), 2_000));
        int found = 0;
        for (GrammarCues.Cue cue : GrammarCues.Cue.values()) {
            Pattern folding = Pattern.compile(cue.regex(), FOLDING);
            for (String sentence : sentences) {
                boolean expected = folding.matcher(sentence).find();
                assertEquals(expected, cue.in(sentence), () -> cue + " on \"" + sentence + "\"");
                found += expected ? 1 : 0;
            }
        }
        // the comparison is not vacuous: cues fire on a good share of the sentences and miss the rest
        int checked = sentences.size() * GrammarCues.Cue.values().length;
        int matches = found;
        assertTrue(matches > checked / 20 && matches < checked / 2, () -> matches + " of " + checked + " cue matches");
    }

    @Test
    void nonAsciiSentencesKeepTheFoldingMatcher() {
        // U+017F LONG S folds to "s" under Unicode case folding but stays itself when lower-cased, so only the
        // folding matcher finds "style" here; U+0130 folds to "i" but lower-cases to "i" plus a combining dot
        assertTrue(GrammarCues.Cue.PREFERENCE_WORD.in("\u017Ftyle matters"));
        assertTrue(GrammarCues.Cue.FIRST_PERSON.in("\u0130 would rather walk"));
        assertTrue(GrammarCues.Cue.PREFERENCE_WORD.in("Caf\u00e9s: I LIKE them"));
        assertFalse(GrammarCues.Cue.PREFERENCE_WORD.in("Caf\u00e9s are open"));
    }

    @Test
    void featuresAreOnePerCueThenShortThenQuestionMark() {
        double[] features = GrammarCues.features("Do I like jazz?");
        assertEquals(GrammarCues.COUNT, features.length);
        assertEquals(1.0, features[GrammarCues.Cue.QUESTION.ordinal()]);
        assertEquals(1.0, features[GrammarCues.Cue.FIRST_PERSON.ordinal()]);
        assertEquals(1.0, features[GrammarCues.Cue.PREFERENCE_WORD.ordinal()]);
        assertEquals(0.0, features[GrammarCues.Cue.NEGATION.ordinal()]);
        assertEquals(1.0, features[GrammarCues.COUNT - 2]);
        assertEquals(1.0, features[GrammarCues.COUNT - 1]);
    }

    private static String randomCase(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** Sentences of words drawn from the examples, so that cue words meet at odd places (starts, ends, apostrophes). */
    private static List<String> shuffledWords(List<String> texts, int count) {
        List<String> words = new ArrayList<>();
        texts.forEach(text -> words.addAll(List.of(text.split("\\s+"))));
        Random random = new Random(20261203);
        List<String> sentences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sentence = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int w = 0; w < length; w++) {
                sentence.append(w == 0 ? "" : random.nextInt(6) == 0 ? ", " : " ").append(words.get(random.nextInt(words.size())));
            }
            sentences.add(randomCase(sentence.toString(), random));
        }
        return sentences;
    }
}
