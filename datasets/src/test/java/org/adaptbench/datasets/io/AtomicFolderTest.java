package org.adaptbench.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFolderTest {

    private static SortedMap<String, byte[]> files(String content) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("a.jsonl", content.getBytes(StandardCharsets.UTF_8));
        files.put("b.jsonl", (content + content).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsThenReplacesAFolderOfItsOwnFilesLeavingNoTemporaries(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out");
        AtomicFolder.write(target, files("one"), Set.of("a.jsonl", "b.jsonl"));
        AtomicFolder.write(target, files("two"), Set.of("a.jsonl", "b.jsonl"));
        assertArrayEquals("twotwo".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target.resolve("b.jsonl")));
        assertEquals(List.of("out"), names(dir));
        assertEquals(List.of("a.jsonl", "b.jsonl"), names(target));
    }

    @Test
    void refusesToReplaceAFolderHoldingOtherFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("precious");
        Files.createDirectories(target);
        Files.writeString(target.resolve("thesis.tex"), "years of work");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> AtomicFolder.write(target, files("x"), Set.of("a.jsonl", "b.jsonl")));
        assertEquals(target, e.file());
        assertEquals(List.of("thesis.tex"), names(target));
        assertEquals(List.of("precious"), names(dir));
    }

    @Test
    void refusesAFileInTheWay(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("out"), "a file");
        assertThrows(DatasetFormatException.class, () -> AtomicFolder.write(dir.resolve("out"), files("x"), Set.of()));
        assertFalse(Files.isDirectory(dir.resolve("out")));
    }
}
