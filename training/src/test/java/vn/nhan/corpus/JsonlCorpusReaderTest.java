package vn.nhan.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.data.Document;

/** JSON Lines corpora: one {"id", "title", "text", "labels"} object a line. */
class JsonlCorpusReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static void assertMessage(IOException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void everyRecordIsReadWithItsOptionalTitleAndPossiblyEmptyLabels() throws IOException {
        Path file = write("corpus.jsonl",
                "{\"id\": \"a1\", \"title\": \"Giá vàng tăng\", \"text\": \"Giá vàng hôm nay tăng mạnh.\", \"labels\": [\"kinh-te\", \"thi-truong\"]}",
                "{\"id\": \"a2\", \"text\": \"Đội tuyển thắng.\", \"labels\": [\"the-thao\"]}",
                "{\"id\": \"a3\", \"title\": null, \"text\": \"Tin không nhãn.\", \"labels\": []}");
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of(
                new Document("a1", "Giá vàng tăng", "Giá vàng hôm nay tăng mạnh.", List.of("kinh-te", "thi-truong"), "corpus.jsonl:1"),
                new Document("a2", null, "Đội tuyển thắng.", List.of("the-thao"), "corpus.jsonl:2"),
                new Document("a3", null, "Tin không nhãn.", List.of(), "corpus.jsonl:3")), docs);
    }

    @Test
    void aCorpusLongerThanAParsingBatchKeepsItsOrderAndReportsItsFirstBadLine() throws IOException {
        int n = 10_000; // more than two of the reader's parallel batches
        String[] lines = new String[n];
        for (int i = 0; i < n; i++) {
            lines[i] = "{\"id\": \"d" + i + "\", \"text\": \"bài " + i + "\", \"labels\": []}";
        }
        List<Document> docs = CorpusReader.read(write("long.jsonl", lines)).documents();
        assertEquals(n, docs.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals("d" + i, docs.get(i).id());
            assertEquals("long.jsonl:" + (i + 1), docs.get(i).source());
        }
        lines[9_000] = "{\"id\": \"late\"";
        lines[4_500] = "{\"id\": \"early\", \"labels\": []}";
        IOException e = assertThrows(IOException.class, () -> CorpusReader.read(write("bad.jsonl", lines)));
        assertMessage(e, "bad.jsonl:4501", "missing or empty \"text\"");
    }

    @Test
    void blankLinesAreSkippedAndStillCounted() throws IOException {
        Path file = write("corpus.jsonl",
                "",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": []}",
                "   ",
                "\t",
                "{\"id\": \"b\", \"text\": \"hai\", \"labels\": []}",
                "");
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of("corpus.jsonl:2", "corpus.jsonl:5"), docs.stream().map(Document::source).toList());
    }

    @Test
    void windowsLineEndsAreAccepted() throws IOException {
        Path file = Files.writeString(dir.resolve("crlf.jsonl"),
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": []}\r\n{\"id\": \"b\", \"text\": \"hai\\r\\nba\", \"labels\": []}\r\n");
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of("một", "hai\r\nba"), docs.stream().map(Document::text).toList());
    }

    @Test
    void aFileStartingWithAUtf8ByteOrderMarkIsRead() throws IOException {
        Path file = write("bom.jsonl", "\uFEFF{\"id\": \"a\", \"text\": \"một\", \"labels\": [\"x\"]}", "{\"id\": \"b\", \"text\": \"hai\", \"labels\": []}");
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of("a", "b"), docs.stream().map(Document::id).toList());
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Path file = write("corpus.jsonl",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": []}",
                "",
                "{\"id\": \"b\", \"text\": \"hai\", \"labels\": [}");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertMessage(e, "corpus.jsonl:3: malformed JSON");
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().matches(".*\\(column \\d+\\)$"), "the column is given: " + e.getMessage());
        assertFalse(e.getMessage().contains("Source") || e.getMessage().contains("StreamReadFeature") || e.getMessage().contains("\n"),
                "no parser internals: " + e.getMessage());
    }

    @Test
    void twoRecordsRunTogetherOnOneLineAreMalformedNotHalfRead() throws IOException {
        Path file = write("corpus.jsonl",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": []}{\"id\": \"b\", \"text\": \"hai\", \"labels\": []}");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertMessage(e, "corpus.jsonl:1: malformed JSON");
    }

    @Test
    void aLineThatIsNotAnObjectIsRefused() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("c.jsonl", "[1, 2]")));
        assertMessage(e, "c.jsonl:1: expected a JSON object {\"id\", \"title\", \"text\", \"labels\"}, got array");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("d.jsonl", "\"chỉ một chuỗi\"")));
        assertMessage(e, "d.jsonl:1: expected a JSON object", "got string");
    }

    @Test
    void aMissingOrEmptyTextIsRefused() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("a.jsonl",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": []}", "{\"id\": \"b\", \"labels\": []}")));
        assertMessage(e, "a.jsonl:2: missing or empty \"text\" (expected a non-empty string)");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("b.jsonl", "{\"id\": \"b\", \"text\": \"  \", \"labels\": []}")));
        assertMessage(e, "b.jsonl:1: missing or empty \"text\"");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("c.jsonl", "{\"id\": \"b\", \"text\": 42, \"labels\": []}")));
        assertMessage(e, "c.jsonl:1: missing or empty \"text\"");
    }

    @Test
    void labelsThatAreNotAnArrayAreRefused() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("a.jsonl",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": \"kinh-te|the-thao\"}")));
        assertMessage(e, "a.jsonl:1: \"labels\" must be an array of strings, got string");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("b.jsonl",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": {\"kinh-te\": true}}")));
        assertMessage(e, "b.jsonl:1: \"labels\" must be an array of strings, got object");
    }

    @Test
    void aLabelThatIsNotAStringIsRefusedByIndex() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("a.jsonl",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": [\"kinh-te\", 3]}")));
        assertMessage(e, "a.jsonl:1: labels[1] must be a string");
    }

    @Test
    void aTitleThatIsNotAStringIsRefused() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("a.jsonl",
                "{\"id\": \"a\", \"title\": [\"x\"], \"text\": \"một\", \"labels\": []}")));
        assertMessage(e, "a.jsonl:1: \"title\" must be a string, got array");
    }

    @Test
    void aLabelledCorpusNeedsIdsAndLabelsOnEveryLine() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("a.jsonl",
                "{\"id\": \"a\", \"text\": \"một\"}")));
        assertMessage(e, "a.jsonl:1: missing \"labels\" (expected an array of label ids, possibly empty)");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("b.jsonl",
                "{\"text\": \"một\", \"labels\": []}")));
        assertMessage(e, "b.jsonl:1: missing \"id\"");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("c.jsonl",
                "{\"id\": \" \", \"text\": \"một\", \"labels\": []}")));
        assertMessage(e, "c.jsonl:1: missing \"id\"");
    }

    @Test
    void anUnlabelledCorpusMayLeaveOutIdsAndLabels() throws IOException {
        Path file = write("input.jsonl", "{\"text\": \"một\"}", "{\"id\": 17, \"text\": \"hai\", \"labels\": null}");
        List<Document> docs = CorpusReader.read(file, false).documents();
        assertEquals(List.of(new Document("line-1", null, "một", List.of(), "input.jsonl:1"),
                new Document("17", null, "hai", List.of(), "input.jsonl:2")), docs);
    }

    @Test
    void duplicateIdsAreRefusedNamingBothPlaces() throws IOException {
        Path file = write("corpus.jsonl",
                "{\"id\": \"a\", \"text\": \"một\", \"labels\": []}",
                "{\"id\": \"b\", \"text\": \"hai\", \"labels\": []}",
                "{\"id\": \"a\", \"text\": \"ba\", \"labels\": []}");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals("corpus.jsonl:3: id 'a' was already used at corpus.jsonl:1", e.getMessage());
    }

    @Test
    void aCorpusWithoutDocumentsIsRefused() throws IOException {
        Path blank = write("blank.jsonl", "", "  ", "");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(blank));
        assertEquals("corpus " + blank + " holds no documents", e.getMessage());
        Path empty = Files.write(dir.resolve("empty.jsonl"), new byte[0]);
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(empty));
        assertEquals("corpus " + empty + " holds no documents", e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedNamingTheFile() throws IOException {
        byte[] bytes = "{\"id\": \"a\", \"text\": \"Gi\u00E1 v\u00E0ng\", \"labels\": []}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.jsonl"), bytes);
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals(file + ": is not valid UTF-8 text", e.getMessage());
    }

    @Test
    void readingFromAStreamNamesTheGivenSource() throws IOException {
        BufferedReader in = new BufferedReader(new StringReader("{\"text\": \"một\"}\n\n{\"text\": \"hai\", \"title\": \"T\"}\n"));
        List<Document> docs = JsonlCorpusReader.read(in, Path.of("<stdin>"), false);
        assertEquals(List.of("<stdin>:1", "<stdin>:3"), docs.stream().map(Document::source).toList());
        assertEquals("T", docs.get(1).title());
        assertNull(docs.get(0).title());
    }
}
