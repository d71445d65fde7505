package vn.nhan.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.data.Document;

/** CSV and TSV corpora with a header row, quoting and '|'-separated labels. */
class DelimitedCorpusReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void assertMessage(IOException e, String part) {
        assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
    }

    @Test
    void aCsvWithAHeaderIsReadWithLabelsSplitOnBars() throws IOException {
        Path file = write("corpus.csv", """
                id,title,text,labels
                a1,Giá vàng tăng,Giá vàng hôm nay tăng mạnh.,kinh-te|thi-truong
                a2,,Đội tuyển thắng., the-thao |  |
                a3,Không nhãn,Tin không nhãn.,
                """);
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of(
                new Document("a1", "Giá vàng tăng", "Giá vàng hôm nay tăng mạnh.", List.of("kinh-te", "thi-truong"), "corpus.csv:2"),
                new Document("a2", "", "Đội tuyển thắng.", List.of("the-thao"), "corpus.csv:3"),
                new Document("a3", "Không nhãn", "Tin không nhãn.", List.of(), "corpus.csv:4")), docs);
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndNewlines() throws IOException {
        Path file = write("corpus.csv", String.join("\n",
                "id,title,text,labels",
                "a1,\"Hà Nội, Huế\",\"Ông nói: \"\"Tốt, rất tốt\"\".\",kinh-te",
                "a2,\"Nhiều dòng\",\"Dòng một,",
                "dòng hai",
                "\"\"dòng ba\"\"\",\"the-thao|y-te\"",
                "a3,\"\",Sau đó.,\"\"",
                ""));
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(3, docs.size());
        assertEquals("Hà Nội, Huế", docs.get(0).title());
        assertEquals("Ông nói: \"Tốt, rất tốt\".", docs.get(0).text());
        assertEquals("Dòng một,\ndòng hai\n\"dòng ba\"", docs.get(1).text());
        assertEquals(List.of("the-thao", "y-te"), docs.get(1).labels());
        assertEquals(List.of("corpus.csv:2", "corpus.csv:3", "corpus.csv:6"), docs.stream().map(Document::source).toList());
        assertEquals("", docs.get(2).title());
        assertEquals(List.of(), docs.get(2).labels());
    }

    @Test
    void aTsvWithAHeaderIsReadAndCommasNeedNoQuotes() throws IOException {
        Path file = write("corpus.tsv", "id\ttitle\ttext\tlabels\n"
                + "a1\tHà Nội, Huế\tMưa lớn, gió mạnh.\tthoi-tiet|xa-hoi\n"
                + "a2\t\"Có tab\tbên trong\"\tNội dung.\t\n");
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of(
                new Document("a1", "Hà Nội, Huế", "Mưa lớn, gió mạnh.", List.of("thoi-tiet", "xa-hoi"), "corpus.tsv:2"),
                new Document("a2", "Có tab\tbên trong", "Nội dung.", List.of(), "corpus.tsv:3")), docs);
    }

    @Test
    void headerColumnsMayComeInAnyOrderAndCaseAndTitleAndLabelsAreOptional() throws IOException {
        Path file = write("corpus.csv", "\uFEFFText, ID \nMột bài.,x1\n");
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of(new Document("x1", null, "Một bài.", List.of(), "corpus.csv:2")), docs);
    }

    @Test
    void blankLinesAndWindowsLineEndsAreAccepted() throws IOException {
        Path file = write("corpus.csv", "id,text,labels\r\n\r\na,một,x\r\n\r\nb,\"hai\r\nba\",y\r\n");
        List<Document> docs = CorpusReader.read(file).documents();
        assertEquals(List.of("a", "b"), docs.stream().map(Document::id).toList());
        assertEquals("hai\nba", docs.get(1).text());
        assertEquals(List.of("corpus.csv:3", "corpus.csv:5"), docs.stream().map(Document::source).toList());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedNamingItsLine() throws IOException {
        Path file = write("corpus.csv", """
                id,title,text,labels
                a1,Tiêu đề,Nội dung,x
                a2,Tiêu đề, có dấu phẩy,Nội dung,x
                """);
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals(file + ":3: expected 4 fields as in the header, got 5", e.getMessage());

        Path tsv = write("corpus.tsv", "id\ttext\tlabels\na\tmột\n");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(tsv));
        assertEquals(tsv + ":2: expected 3 fields as in the header, got 2", e.getMessage());
    }

    @Test
    void theLineOfARowAfterAMultiLineFieldIsCountedCorrectly() throws IOException {
        Path file = write("corpus.csv", "id,text\na,\"một\nhai\nba\"\nb\n");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals(file + ":5: expected 2 fields as in the header, got 1", e.getMessage());
    }

    @Test
    void aQuotedFieldThatIsNeverClosedIsRefusedAtTheLineItOpens() throws IOException {
        Path file = write("corpus.csv", "id,text\na,một\nb,\"hai\nba\n");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals(file + ":3: a quoted field is never closed", e.getMessage());
    }

    @Test
    void aMissingIdOrTextIsRefused() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("a.csv", "id,text\n ,một\n")));
        assertMessage(e, "a.csv:2: missing id");
        e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("b.csv", "id,text\na,một\nb,  \n")));
        assertMessage(e, "b.csv:3: missing or empty text");
    }

    @Test
    void aHeaderWithoutIdOrTextIsRefused() throws IOException {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(write("a.csv", "title,body\nx,y\n")));
        assertMessage(e, "a.csv:1: the header must name the columns id and text (and optionally title, labels), got [title, body]");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("empty.csv", "");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals(file + ":1: empty file: expected a header row with id, title, text, labels", e.getMessage());
    }

    @Test
    void aHeaderWithoutRowsIsAnEmptyCorpus() throws IOException {
        Path file = write("header-only.csv", "id,text,labels\n\n");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals("corpus " + file + " holds no documents", e.getMessage());
    }

    @Test
    void duplicateIdsInACsvAreRefusedNamingBothLines() throws IOException {
        Path file = write("corpus.csv", "id,text\na,một\n a ,hai\n");
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(file));
        assertEquals("corpus.csv:3: id 'a' was already used at corpus.csv:2", e.getMessage());
    }
}
