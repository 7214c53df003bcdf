package org.adaptbench.personalization.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * The words of a lexical query: runs of letters and digits (an apostrophe inside a word kept, so
 * "didn't" is one word), lower-cased, without the Snowball project's English stop words, each once.
 * The Snowball list (shipped with Lucene, 174 words) and not Lucene's default 33: a question's
 * "what", "when", "did", "how" and "she" carry no topic, and BM25 would otherwise reward turns that
 * repeat them. Both backends match these words, each stemming them its own way (Porter in both).
 */
public final class LexicalQuery {

    /** More words than this are cut: a query is a question, not a document. */
    public static final int MAX_TERMS = 64;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*");
    private static final CharArraySet STOP_WORDS = snowballStopWords();

    private LexicalQuery() {
    }

    /** The distinct query words of {@code text}, in order of first appearance. */
    public static List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text.replace('\u2019', '\''));
        while (matcher.find() && terms.size() < MAX_TERMS) {
            String word = matcher.group().toLowerCase(Locale.US);
            if (STOP_WORDS.contains(word)) {
                continue;
            }
            // "caroline's" -> "caroline": the index splits at the apostrophe, and a lone "s" says nothing
            for (String part : word.split("'")) {
                if (part.length() > 1 && !STOP_WORDS.contains(part)) {
                    terms.add(part);
                }
            }
        }
        return new ArrayList<>(terms);
    }

    private static CharArraySet snowballStopWords() {
        try (InputStream in = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
            if (in == null) {
                throw new IllegalStateException("lucene-analysis-common lacks org/apache/lucene/analysis/snowball/english_stop.txt");
            }
            return WordlistLoader.getSnowballWordSet(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Snowball English stop words", e);
        }
    }
}
