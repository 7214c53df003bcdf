package org.adaptbench.personalization.store;

import java.nio.file.Path;
import java.util.Random;

/**
 * Child process of {@link SqliteCrashSafetyTest}: writes memories in a loop (every third an episode
 * linked to the memory before it, each with the word {@code w<id>} in its text) and prints
 * "{@code id user}" for each write once {@code add} has returned (the write is acknowledged).
 * It never stops on its own; the test kills it.
 */
public final class SqliteCrashWriter {

    private SqliteCrashWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int dimension = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        try (SqliteMemoryStore store = SqliteMemoryStore.open(file, dimension)) {
            for (long i = 0; ; i++) {
                String user = "user-" + (i % 7);
                boolean episode = i % 3 == 2;
                Memory memory = store.add(user, new MemoryDraft("write w" + i + " " + "payload ".repeat(random.nextInt(200)),
                        TestVectors.random(random, dimension), "", episode ? MemoryKind.EPISODE : MemoryKind.EXPLICIT, 1.0));
                if (episode) {
                    store.list(user).stream().filter(m -> m.kind() != MemoryKind.EPISODE).reduce((a, b) -> b)
                            .ifPresent(preference -> store.link(user, preference.id(), memory.id()));
                }
                if (i % 10 == 9 && !episode) {
                    store.update(user, memory.id(), MemoryDraft.of("rewritten w" + i, TestVectors.random(random, dimension)));
                }
                System.out.println(memory.id() + " " + user);
                System.out.flush();
            }
        }
    }
}
