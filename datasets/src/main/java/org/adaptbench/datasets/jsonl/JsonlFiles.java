package org.adaptbench.datasets.jsonl;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.adaptbench.datasets.io.ContentHash;

/** The encoded data files of one data set, ready to be hashed and written. */
public final class JsonlFiles {

    private final byte[] users;
    private final byte[] turns;
    private final byte[] queries;

    JsonlFiles(byte[] users, byte[] turns, byte[] queries) {
        this.users = Objects.requireNonNull(users, "users");
        this.turns = Objects.requireNonNull(turns, "turns");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** {@link ContentHash} over the three files, equal to what the reader computes from disk. */
    public String contentHash() {
        return new ContentHash()
                .addBytes(JsonlLayout.USERS, users)
                .addBytes(JsonlLayout.TURNS, turns)
                .addBytes(JsonlLayout.QUERIES, queries)
                .value();
    }

    /** File name to bytes, without the manifest. */
    public SortedMap<String, byte[]> byName() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(JsonlLayout.USERS, users.clone());
        files.put(JsonlLayout.TURNS, turns.clone());
        files.put(JsonlLayout.QUERIES, queries.clone());
        return files;
    }

    public long totalBytes() {
        return (long) users.length + turns.length + queries.length;
    }
}
