package org.adaptbench.personalization.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The words of a lexical query: runs of letters and digits, lower-cased, without Lucene's English
 * stop words, each once. Both backends match these words (each analyses them its own way: Porter
 * stemming in both), so a question's "the", "did" and "of" never decide a ranking.
 */
public final class LexicalQuery {

    /** More words than this are cut: a query is a question, not a document. */
    public static final int MAX_TERMS = 64;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private LexicalQuery() {
    }

    /** The distinct query words of {@code text}, in order of first appearance. */
    public static List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find() && terms.size() < MAX_TERMS) {
            String word = matcher.group().toLowerCase(Locale.US);
            if (!STOP_WORDS.contains(word)) {
                terms.add(word);
            }
        }
        return new ArrayList<>(terms);
    }
}
