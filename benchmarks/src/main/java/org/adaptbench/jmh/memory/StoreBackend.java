package org.adaptbench.jmh.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.adaptbench.personalization.store.InMemoryMemoryStore;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.personalization.store.SqliteMemoryStore;

/** The memory-store backends the write benchmarks sweep ({@code -p backend=IN_MEMORY,SQLITE}). */
public enum StoreBackend {
    IN_MEMORY {
        @Override
        MemoryStore open(Path folder, int dimension, java.time.Clock clock) {
            return new InMemoryMemoryStore(dimension, clock);
        }
    },
    SQLITE {
        @Override
        MemoryStore open(Path folder, int dimension, java.time.Clock clock) {
            return SqliteMemoryStore.open(folder.resolve("memories.db"), dimension, clock);
        }
    };

    abstract MemoryStore open(Path folder, int dimension, java.time.Clock clock);

    MemoryStore open(Path folder, int dimension) {
        return open(folder, dimension, java.time.Clock.systemUTC());
    }

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("adaptbench-memory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
