package org.adaptbench.jmh.memory;

import java.nio.file.Path;
import java.util.Locale;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryKind;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.personalization.store.SqliteMemoryStore;

/**
 * Bytes stored per memory and per user, for both backends: fills each with {@code users} x
 * {@code memoriesPerUser} memories of 384-d vectors and typical one-sentence preference texts, then
 * prints {@code MemoryStore.bytesStored} (text + vector + fixed fields + history) and, for SQLite,
 * the database file size after a checkpoint (pages, indexes and free space included).
 *
 * <p>Run: {@code java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*" org.adaptbench.jmh.memory.MemoryFootprint [users] [memoriesPerUser]}
 */
public final class MemoryFootprint {

    private static final String[] STATEMENTS = {
        "I prefer aisle seats on long flights.", "I'm vegetarian, so no meat for me please.", "I love listening to jazz while I work.",
        "I'd rather take the train than drive.", "Please always give me short, to-the-point answers.", "I'm allergic to peanuts.",
        "My favourite cuisine is Japanese, especially sushi.", "These days I prefer green tea over coffee."};

    private MemoryFootprint() {
    }

    /** A typical preference statement, varied by {@code i}. */
    static String statement(int i) {
        return STATEMENTS[i % STATEMENTS.length] + " (" + i + ")";
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int memoriesPerUser = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        float[][] vectors = RandomVectors.unit(users * memoriesPerUser, 384, 17L);
        System.out.printf(Locale.US, "%d users x %d memories, 384-d%n", users, memoriesPerUser);
        System.out.println("| backend | bytesStored per memory | bytesStored per user | file bytes per memory |");
        System.out.println("|---|---:|---:|---:|");
        // SQLITE_NORMAL writes the same bytes as SQLITE
        for (StoreBackend backend : java.util.EnumSet.of(StoreBackend.IN_MEMORY, StoreBackend.SQLITE)) {
            Path folder = StoreBackend.temporaryFolder();
            try (MemoryStore store = backend.open(folder, 384)) {
                for (int i = 0; i < vectors.length; i++) {
                    store.add(RandomVectors.user(i, memoriesPerUser), new MemoryDraft(statement(i), vectors[i], "slot", MemoryKind.EXPLICIT, 0.9));
                }
                long total = 0;
                for (String user : store.users()) {
                    total += store.bytesStored(user);
                }
                String file = "n/a (RAM)";
                if (store instanceof SqliteMemoryStore sqlite) {
                    sqlite.checkpoint();
                    file = String.format(Locale.US, "%.0f", (double) sqlite.fileBytes() / vectors.length);
                }
                System.out.printf(Locale.US, "| %s | %.0f | %.0f | %s |%n", backend, (double) total / vectors.length, (double) total / users, file);
            } finally {
                StoreBackend.deleteFolder(folder);
            }
        }
    }
}
