package io.statstream.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A file of requests, one JSON object a line, read in chunks so a large file is never held whole. */
final class NdjsonFile {
    private NdjsonFile() {
    }

    static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    static void forEachChunk(Path file, int chunkSize, Consumer<List<String>> chunkHandler) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(chunkSize);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    chunk.add(line);
                }
                if (chunk.size() == chunkSize) {
                    chunkHandler.accept(chunk);
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                chunkHandler.accept(chunk);
            }
        }
    }
}
