package org.adaptbench.datasets.model;

import java.util.List;
import java.util.Objects;

/**
 * A loaded data set: users with histories and queries, plus where it came from.
 *
 * @param name short name ("synthetic", "prefeval", or the imported folder's name)
 * @param kind which of the three sources produced it
 * @param contentHash SHA-256 over the source files, hex, so results can name the exact data
 * @param users the users, in a stable order
 * @param notes what the loader did on purpose about quirks of the data (items kept without
 *     evidence, ids split), with counts, for the run to say; empty when there was nothing to say
 */
public record Dataset(String name, DatasetKind kind, String contentHash, List<UserData> users, List<String> notes) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentHash, "contentHash");
        users = List.copyOf(users);
        notes = List.copyOf(notes);
    }

    /** A data set the loader has nothing to say about. */
    public Dataset(String name, DatasetKind kind, String contentHash, List<UserData> users) {
        this(name, kind, contentHash, users, List.of());
    }

    public int queryCount() {
        return users.stream().mapToInt(u -> u.queries().size()).sum();
    }

    public int turnCount() {
        return users.stream().mapToInt(u -> u.history().size()).sum();
    }
}
