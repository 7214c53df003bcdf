package org.adaptbench.personalization.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * One user's BM25 index in RAM: Apache Lucene on a {@link ByteBuffersDirectory}, English analysis
 * (stop words, Porter stemming), Lucene's {@link org.apache.lucene.search.similarities.BM25Similarity}
 * with its defaults (k1 = 1.2, b = 0.75). Per user, so the statistics behind a score (document
 * frequencies, mean length) are the user's own. Thread-safe: every call holds this object's lock.
 *
 * <p>A deletion is merged away at once ({@code forceMergeDeletes}) and the searcher reopened, so the
 * deleted text's postings leave the index files; the old buffers go to the garbage collector.
 */
final class LuceneLexicalIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String KIND = "kind";
    private static final String SLOT = "slot";
    private static final String CONFIDENCE = "confidence";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private DirectoryReader reader;
    private boolean stale;

    LuceneLexicalIndex() {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setMergeScheduler(new SerialMergeScheduler()) // no merge threads per user
                .setCommitOnClose(false);
        try {
            writer = new IndexWriter(directory, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a Lucene index in RAM", e);
        }
    }

    /** Indexes {@code indexedText} (the memory's text and its context's) under {@code memory}'s id, replacing what was there. */
    synchronized void put(Memory memory, String indexedText) {
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(memory.id()), Field.Store.YES));
        document.add(new TextField(TEXT, indexedText, Field.Store.NO));
        document.add(new StringField(KIND, memory.kind().name(), Field.Store.NO));
        document.add(new StringField(SLOT, memory.slot(), Field.Store.NO));
        document.add(new DoublePoint(CONFIDENCE, memory.confidence()));
        try {
            writer.updateDocument(new Term(ID, Long.toString(memory.id())), document);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene index write failed", e);
        }
        stale = true;
    }

    /** Removes memory {@code id} and merges its postings away. */
    synchronized void remove(long id) {
        try {
            writer.deleteDocuments(new Term(ID, Long.toString(id)));
            writer.forceMergeDeletes(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene index delete failed", e);
        }
        stale = true;
        refresh();
    }

    /** Removes everything. */
    synchronized void clear() {
        try {
            writer.deleteAll();
            writer.forceMergeDeletes(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene index delete failed", e);
        }
        stale = true;
        refresh();
    }

    /** Ids and BM25 scores of the best {@code k} memories passing {@code filter} for {@code terms}, best first. */
    synchronized List<Scored> search(List<String> terms, int k, MemoryFilter filter) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Set<String> analysed = new LinkedHashSet<>();
        for (String term : terms) {
            analysed.addAll(analyse(term));
        }
        if (analysed.isEmpty()) {
            return List.of();
        }
        for (String term : analysed) {
            words.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
        if (!filter.matchesAll()) {
            List<BytesRef> kinds = filter.kinds().stream().map(kind -> new BytesRef(kind.name())).toList();
            query.add(new TermInSetQuery(KIND, kinds), BooleanClause.Occur.FILTER);
            filter.slot().ifPresent(slot -> query.add(new TermQuery(new Term(SLOT, slot)), BooleanClause.Occur.FILTER));
            if (filter.minConfidence() > 0) {
                query.add(DoublePoint.newRangeQuery(CONFIDENCE, filter.minConfidence(), Double.POSITIVE_INFINITY), BooleanClause.Occur.FILTER);
            }
        }
        refresh();
        try {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = searcher.search(query.build(), k);
            StoredFields stored = searcher.storedFields();
            List<Scored> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc doc : top.scoreDocs) {
                hits.add(new Scored(Long.parseLong(stored.document(doc.doc).get(ID)), doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene search failed", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (reader != null) {
                reader.close();
            }
            writer.rollback(); // nothing is meant to outlive the store
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing a Lucene index failed", e);
        }
    }

    private void refresh() {
        if (!stale && reader != null) {
            return;
        }
        try {
            if (reader == null) {
                reader = DirectoryReader.open(writer);
            } else {
                DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
                if (newer != null) {
                    reader.close();
                    reader = newer;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene reader refresh failed", e);
        }
        stale = false;
    }

    private List<String> analyse(String word) {
        List<String> tokens = new ArrayList<>(1);
        try (TokenStream stream = analyzer.tokenStream(TEXT, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a query word", e);
        }
        return tokens;
    }

    /** A memory id and its BM25 score. */
    record Scored(long id, double score) {
    }
}
