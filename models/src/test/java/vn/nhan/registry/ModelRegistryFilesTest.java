package vn.nhan.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's history survives a torn last line, and repairs it on the next append; current is replaced whole. */
class ModelRegistryFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastHistoryLineIsToleratedAndRepairedOnTheNextAppend() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir);
        registry.record("promoted", "v1", Map.of("reason", "first"));
        Path history = dir.resolve("history.jsonl");
        Files.writeString(history, "{\"time\":\"2026-", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("promoted"), registry.history().stream().map(HistoryEvent::event).toList());
        registry.record("rolled-back", "v0", Map.of("reason", "second"));
        assertEquals(List.of("promoted", "rolled-back"), registry.history().stream().map(HistoryEvent::event).toList());
        List<String> lines = Files.readAllLines(history);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(true, Files.readString(history).endsWith("}\n"));
    }

    @Test
    void aMalformedLineBeforeTheLastIsAnError() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir);
        Files.writeString(dir.resolve("history.jsonl"), "{broken\n{\"event\":\"promoted\"}\n");
        assertThrows(java.io.IOException.class, registry::history);
    }

    @Test
    void anEventKeepsTheFieldsOfItsDetailsAndRefusesDetailsThatAreNotAnObject() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir);
        record Change(String previous, String reason) { }
        registry.record("promoted", "v2", new Change("v1", "better"));
        HistoryEvent event = registry.history().get(0);
        assertEquals("v2", event.version());
        assertEquals("v1", event.text("previous").orElseThrow());
        assertEquals("better", event.text("reason").orElseThrow());
        assertEquals(true, event.text("missing").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.record("x", null, "just text"));
        assertEquals("the details of a history event must be a JSON object, got STRING", e.getMessage());
        Files.writeString(dir.resolve("history.jsonl"), "[1, 2]\n{\"event\":\"promoted\"}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        java.io.IOException bad = assertThrows(java.io.IOException.class, registry::history);
        assertEquals(true, bad.getMessage().endsWith("history.jsonl:2: malformed history line: expected a JSON object, got ARRAY"), bad.getMessage());
    }

    @Test
    void replacingAFileLeavesNoTemporaryFilesBehind() throws Exception {
        Path target = dir.resolve("current");
        DurableFiles.replace(target, "v1\n");
        DurableFiles.replace(target, "v2\n");
        assertEquals("v2\n", Files.readString(target));
        assertEquals(List.of("current"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void pruningMustKeepAVersionAndSaysSoWithoutCliFlags() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.open(dir).prune(0));
        assertEquals("pruning must keep at least 1 version, got 0", e.getMessage());
    }
}
