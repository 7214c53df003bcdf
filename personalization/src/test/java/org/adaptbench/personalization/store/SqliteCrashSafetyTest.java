package org.adaptbench.personalization.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at a random moment, several times over the same file, and
 * checks that every write the child acknowledged is there and the file is healthy.
 */
class SqliteCrashSafetyTest {

    private static final int DIM = 8;
    private static final int ROUNDS = 4;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Path file = folder.resolve("crash.db");
        Random random = new Random(42);
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> lines = runAndKill(file, random.nextLong(), 200 + random.nextInt(600));
            assertTrue(lines.size() > 0, "round " + round + ": the child acknowledged no write");
            acknowledged.addAll(lines);

            try (SqliteMemoryStore store = SqliteMemoryStore.open(file, DIM)) {
                assertEquals("ok", store.integrityCheck(), "round " + round);
                for (String line : acknowledged) {
                    String[] parts = line.split(" ");
                    long id = Long.parseLong(parts[0]);
                    Memory memory = store.get(parts[1], id).orElse(null);
                    assertTrue(memory != null, "round " + round + ": acknowledged write " + line + " is missing");
                    String word = memory.text().split(" ")[1]; // "write w17 ..." or "rewritten w19": a word of its own (the query drops one-character words, so not a bare "7")
                    assertTrue(store.lexicalSearch(parts[1], "write rewritten " + word, 50, MemoryFilter.NONE).stream()
                            .anyMatch(hit -> hit.memory().id() == id), "round " + round + ": " + line + " is not in the lexical index");
                }
                int episodes = 0;
                for (String user : store.users()) {
                    for (Memory memory : store.list(user)) {
                        episodes += memory.kind() == MemoryKind.EPISODE ? 1 : 0;
                        for (long episode : store.linkedEpisodes(user, memory.id())) {
                            assertTrue(store.get(user, episode).isPresent(), "round " + round + ": a link outlived its episode");
                        }
                    }
                }
                assertTrue(acknowledged.size() < 3 || episodes > 0, "round " + round + ": episodes were written");
                assertTrue(store.list("user-0").size() > 0);
            }
        }
    }

    /** Starts the writer, lets it run {@code millis} after its first acknowledgement, kills it, returns its acknowledgements. */
    private static List<String> runAndKill(Path file, long seed, int millis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SqliteCrashWriter.class.getName(), file.toString(), Integer.toString(DIM), Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (lines) {
            while (lines.isEmpty() && System.nanoTime() < deadline && child.isAlive()) {
                lines.wait(100);
            }
        }
        Thread.sleep(millis);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (lines) {
            // a line cut by the kill is not an acknowledgement
            return lines.stream().filter(l -> l.matches("\\d+ user-\\d")).toList();
        }
    }
}
