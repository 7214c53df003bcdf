package org.adaptbench.personalization.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.adaptbench.personalization.embed.Vectors;

/**
 * One user's memories held in RAM for search: unit vectors packed row after row in one float
 * array, so a search is a linear dot-product scan over contiguous memory with a k-sized heap.
 *
 * <p>Thread-safe: searches share a read lock, changes take the write lock. Rows move when a
 * memory is removed (the last row fills the gap), so row order is not id order.
 */
final class UserMemories {

    private final int dimension;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private float[] matrix;
    private Memory[] rows;
    private long[] ids;
    private final Map<Long, Integer> rowOf = new HashMap<>();
    private int size;

    UserMemories(int dimension) {
        this.dimension = dimension;
        // empty until the first write: users that are only ever queried cost a few bytes
        this.matrix = new float[0];
        this.rows = new Memory[0];
        this.ids = new long[0];
    }

    /** Inserts {@code memory} with its unit vector, or replaces the row holding its id. */
    void put(Memory memory, float[] unitVector) {
        lock.writeLock().lock();
        try {
            Integer existing = rowOf.get(memory.id());
            int row = existing != null ? existing : append(memory.id());
            rows[row] = memory;
            System.arraycopy(unitVector, 0, matrix, row * dimension, dimension);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces the record of an existing row, keeping its vector. */
    void replaceRecord(Memory memory) {
        lock.writeLock().lock();
        try {
            Integer row = rowOf.get(memory.id());
            if (row != null) {
                rows[row] = memory;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes memory {@code id} and zeroes its row; returns it if it was held. */
    Optional<Memory> remove(long id) {
        lock.writeLock().lock();
        try {
            Integer row = rowOf.remove(id);
            if (row == null) {
                return Optional.empty();
            }
            Memory removed = rows[row];
            int last = size - 1;
            if (row != last) {
                System.arraycopy(matrix, last * dimension, matrix, row * dimension, dimension);
                rows[row] = rows[last];
                ids[row] = ids[last];
                rowOf.put(ids[row], row);
            }
            Arrays.fill(matrix, last * dimension, (last + 1) * dimension, 0f);
            rows[last] = null;
            size = last;
            return Optional.of(removed);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops every memory and overwrites the vectors, so no copy lingers in this heap array. */
    void clear() {
        lock.writeLock().lock();
        try {
            Arrays.fill(matrix, 0f);
            Arrays.fill(rows, null);
            rowOf.clear();
            size = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Optional<Memory> get(long id) {
        lock.readLock().lock();
        try {
            Integer row = rowOf.get(id);
            return row == null ? Optional.empty() : Optional.of(rows[row]);
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<float[]> vector(long id) {
        lock.readLock().lock();
        try {
            Integer row = rowOf.get(id);
            return row == null ? Optional.empty()
                    : Optional.of(Arrays.copyOfRange(matrix, row * dimension, (row + 1) * dimension));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * What the lexical index holds for a memory of {@code text} with {@code context}: the text, then
     * the context memory's text (see {@link MemoryDraft#context}); a context this user does not hold is refused.
     */
    String indexedText(String userId, String text, OptionalLong context) {
        if (context.isEmpty()) {
            return text;
        }
        return text + "\n" + get(context.getAsLong()).map(Memory::text)
                .orElseThrow(() -> InMemoryMemoryStore.missing(userId, context.getAsLong()));
    }

    /** The memories that have memory {@code id} as their context; one pass. */
    List<Memory> withContext(long id) {
        lock.readLock().lock();
        try {
            List<Memory> carriers = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                if (rows[r].context().isPresent() && rows[r].context().getAsLong() == id) {
                    carriers.add(rows[r]);
                }
            }
            return carriers;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The memory of {@code kind} with the highest id, the latest written; one pass, no copy. */
    Optional<Memory> latest(MemoryKind kind) {
        lock.readLock().lock();
        try {
            Memory latest = null;
            for (int r = 0; r < size; r++) {
                if (rows[r].kind() == kind && (latest == null || rows[r].id() > latest.id())) {
                    latest = rows[r];
                }
            }
            return Optional.ofNullable(latest);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Memory> list() {
        lock.readLock().lock();
        try {
            List<Memory> all = new ArrayList<>(Arrays.asList(rows).subList(0, size));
            all.sort(Comparator.comparingLong(Memory::id));
            return all;
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    long bytes() {
        lock.readLock().lock();
        try {
            long bytes = 0;
            for (int r = 0; r < size; r++) {
                bytes += Footprint.memory(rows[r], dimension);
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Top {@code k} rows by dot product with {@code unitQuery} among those passing {@code filter}.
     * The heap keeps the worst of the current best at its root, so each row costs one dot product
     * and, rarely, a sift of log k.
     */
    List<MemoryHit> search(float[] unitQuery, int k, MemoryFilter filter) {
        lock.readLock().lock();
        try {
            int capacity = Math.min(k, size);
            if (capacity == 0) {
                return List.of();
            }
            float[] heapScore = new float[capacity];
            int[] heapRow = new int[capacity];
            int count = 0;
            boolean testFilter = !filter.matchesAll();
            // locals, so the scan loop keeps them in registers instead of re-reading fields
            float[] vectors = matrix;
            Memory[] records = rows;
            int rowCount = size;
            int width = dimension;
            for (int row = 0, offset = 0; row < rowCount; row++, offset += width) {
                if (testFilter && !filter.test(records[row])) {
                    continue;
                }
                float score = Vectors.dot(unitQuery, vectors, offset);
                if (count < capacity) {
                    heapScore[count] = score;
                    heapRow[count] = row;
                    siftUp(heapScore, heapRow, count);
                    count++;
                } else if (score >= heapScore[0] && worse(heapScore[0], heapRow[0], score, row)) {
                    heapScore[0] = score;
                    heapRow[0] = row;
                    siftDown(heapScore, heapRow, count);
                }
            }
            List<MemoryHit> hits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                hits.add(new MemoryHit(rows[heapRow[i]], heapScore[i]));
            }
            hits.sort(Comparator.comparingDouble(MemoryHit::similarity).reversed()
                    .thenComparingLong(hit -> hit.memory().id()));
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    private int append(long id) {
        if (size == rows.length) {
            int capacity = Math.max(8, rows.length * 2);
            rows = Arrays.copyOf(rows, capacity);
            ids = Arrays.copyOf(ids, capacity);
            float[] grown = Arrays.copyOf(matrix, capacity * dimension);
            Arrays.fill(matrix, 0f);
            matrix = grown;
        }
        ids[size] = id;
        rowOf.put(id, size);
        return size++;
    }

    /** True when (scoreA, rowA) ranks below (scoreB, rowB): lower score, or equal score and higher id. */
    private boolean worse(float scoreA, int rowA, float scoreB, int rowB) {
        return scoreA < scoreB || (scoreA == scoreB && ids[rowA] > ids[rowB]);
    }

    private void siftUp(float[] score, int[] row, int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!worse(score[index], row[index], score[parent], row[parent])) {
                return;
            }
            swap(score, row, index, parent);
            index = parent;
        }
    }

    private void siftDown(float[] score, int[] row, int count) {
        int index = 0;
        while (true) {
            int left = 2 * index + 1;
            if (left >= count) {
                return;
            }
            int right = left + 1;
            int worst = right < count && worse(score[right], row[right], score[left], row[left]) ? right : left;
            if (!worse(score[worst], row[worst], score[index], row[index])) {
                return;
            }
            swap(score, row, index, worst);
            index = worst;
        }
    }

    private static void swap(float[] score, int[] row, int a, int b) {
        float s = score[a];
        score[a] = score[b];
        score[b] = s;
        int r = row[a];
        row[a] = row[b];
        row[b] = r;
    }
}
