package vn.nhan.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;

/** Choosing the reader by path, directories of corpus files, unique ids and label checks. */
class CorpusReaderTest {

    private static final Taxonomy TAXONOMY = Taxonomy.ofIds(List.of("kinh-te", "the-thao", "y-te"));

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void aDirectoryOfJsonlFilesIsReadFileByFileInNameOrder() throws IOException {
        Path b = write("corpus/b.jsonl", "{\"id\": \"b1\", \"text\": \"hai\", \"labels\": [\"y-te\"]}\n");
        Path a = write("corpus/a.jsonl", "{\"id\": \"a1\", \"text\": \"một\", \"labels\": [\"kinh-te\"]}\n\n"
                + "{\"id\": \"a2\", \"text\": \"ba\", \"labels\": []}\n");
        write("corpus/notes.txt", "not a corpus file");
        Corpus corpus = CorpusReader.read(dir.resolve("corpus"));
        assertEquals(List.of("a1", "a2", "b1"), corpus.documents().stream().map(Document::id).toList());
        assertEquals(List.of("a.jsonl:1", "a.jsonl:3", "b.jsonl:1"), corpus.documents().stream().map(Document::source).toList());
        assertEquals(List.of(a.toString(), b.toString()), corpus.sources());
        assertTrue(corpus.ownTaxonomy().isEmpty(), "JSONL corpora use the taxonomy file");
    }

    @Test
    void aDirectoryMayMixJsonlCsvAndTsvFiles() throws IOException {
        write("corpus/1.jsonl", "{\"id\": \"j\", \"text\": \"một\", \"labels\": [\"kinh-te\"]}\n");
        write("corpus/2.CSV", "id,text,labels\nc,hai,the-thao|y-te\n");
        write("corpus/3.tsv", "id\ttext\nt\tba\n");
        Corpus corpus = CorpusReader.read(dir.resolve("corpus"));
        assertEquals(List.of("j", "c", "t"), corpus.documents().stream().map(Document::id).toList());
        assertEquals(List.of("the-thao", "y-te"), corpus.documents().get(1).labels());
    }

    @Test
    void duplicateIdsAcrossFilesAreRefusedNamingBothFiles() throws IOException {
        write("corpus/a.jsonl", "{\"id\": \"x\", \"text\": \"một\", \"labels\": []}\n");
        write("corpus/b.jsonl", "{\"id\": \"y\", \"text\": \"hai\", \"labels\": []}\n{\"id\": \"x\", \"text\": \"ba\", \"labels\": []}\n");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(dir.resolve("corpus")));
        assertEquals("b.jsonl:2: id 'x' was already used at a.jsonl:1", e.getMessage());
    }

    @Test
    void anErrorInOneFileOfADirectoryNamesThatFileAndLine() throws IOException {
        write("corpus/a.jsonl", "{\"id\": \"x\", \"text\": \"một\", \"labels\": []}\n");
        Path bad = write("corpus/b.jsonl", "{\"id\": \"y\", \"text\": \"hai\", \"labels\": []}\n{oops\n");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(dir.resolve("corpus")));
        assertTrue(e.getMessage().startsWith(bad + ":2: malformed JSON"), e.getMessage());
    }

    @Test
    void anEmptyDirectoryIsAnEmptyCorpus() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(empty));
        assertEquals("corpus " + empty + " holds no documents", e.getMessage());
    }

    @Test
    void aMissingPathIsRefused() {
        Path missing = dir.resolve("missing.jsonl");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(missing));
        assertEquals("corpus " + missing + " does not exist", e.getMessage());
    }

    @Test
    void anUnknownFileFormatIsRefused() throws IOException {
        Path file = write("corpus.xlsx", "PK");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals(file + ": unknown corpus format: expected .jsonl, .csv, .tsv or a directory", e.getMessage());
    }

    @Test
    void jsonAndNdjsonFilesAreReadAsJsonLines() throws IOException {
        Path json = write("corpus.json", "{\"id\": \"a\", \"text\": \"một\", \"labels\": []}\n");
        Path ndjson = write("corpus.ndjson", "{\"id\": \"b\", \"text\": \"hai\", \"labels\": []}\n");
        assertEquals("a", CorpusReader.read(json).documents().get(0).id());
        assertEquals("b", CorpusReader.read(ndjson).documents().get(0).id());
    }

    @Test
    void checkLabelsNamesTheLineAndTheUnknownLabel() throws IOException {
        Path file = write("corpus.jsonl", "{\"id\": \"a\", \"text\": \"một\", \"labels\": [\"kinh-te\"]}\n"
                + "{\"id\": \"b\", \"text\": \"hai\", \"labels\": [\"the-thao\", \"bong-ro\"]}\n");
        List<Document> docs = CorpusReader.read(file).documents();
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.checkLabels(docs, TAXONOMY));
        assertEquals("corpus.jsonl:2: labels[1] 'bong-ro' is not in the taxonomy (known: kinh-te, the-thao, y-te)", e.getMessage());
    }

    @Test
    void checkLabelsNamesTheCsvLine() throws IOException {
        Path file = write("corpus.csv", "id,text,labels\na,một,kinh-te\nb,\"hai\nba\",y-te\nc,bốn,kinh-te|xa-hoi\n");
        List<Document> docs = CorpusReader.read(file).documents();
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.checkLabels(docs, TAXONOMY));
        assertTrue(e.getMessage().startsWith("corpus.csv:5: labels[1] 'xa-hoi' is not in the taxonomy"), e.getMessage());
    }

    @Test
    void checkLabelsAcceptsKnownAndMissingLabels() throws IOException {
        Path file = write("corpus.jsonl", "{\"id\": \"a\", \"text\": \"một\", \"labels\": [\"kinh-te\", \"y-te\"]}\n"
                + "{\"id\": \"b\", \"text\": \"hai\", \"labels\": []}\n");
        List<Document> docs = CorpusReader.read(file).documents();
        assertDoesNotThrow(() -> CorpusReader.checkLabels(docs, TAXONOMY));
    }
}
