package org.adaptbench.personalization.store;

import java.nio.file.Path;
import java.util.Random;

/**
 * Child process of {@link SqliteCrashSafetyTest}: writes memories in a loop and prints
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
                Memory memory = store.add(user, MemoryDraft.of("write " + i + " " + "payload ".repeat(random.nextInt(200)),
                        TestVectors.random(random, dimension)));
                if (i % 10 == 9) {
                    store.update(user, memory.id(), MemoryDraft.of("rewritten " + i, TestVectors.random(random, dimension)));
                }
                System.out.println(memory.id() + " " + user);
                System.out.flush();
            }
        }
    }
}
