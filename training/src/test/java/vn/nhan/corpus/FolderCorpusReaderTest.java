package vn.nhan.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.data.Document;
import vn.nhan.data.Label;

/** Folder-per-label corpora, DIR/&lt;label&gt;/*.txt, in UTF-8 or UTF-16 with a byte-order mark. */
class FolderCorpusReaderTest {

    private static final String TEXT = "Đội tuyển Việt Nam thắng 2-0.\nHuấn luyện viên hài lòng với các cầu thủ.";

    @TempDir
    Path root;

    private Path write(String label, String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path folder = Files.createDirectories(root.resolve(label));
        return Files.write(folder.resolve(name), bytes.toByteArray());
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] encode(String s, Charset charset) {
        return s.getBytes(charset);
    }

    @Test
    void utf8AndUtf16FilesWithOrWithoutAByteOrderMarkAllGiveTheSameText() throws IOException {
        write("the-thao", "1-utf8.txt", encode(TEXT, StandardCharsets.UTF_8));
        write("the-thao", "2-utf8-bom.txt", bytes(0xEF, 0xBB, 0xBF), encode(TEXT, StandardCharsets.UTF_8));
        write("the-thao", "3-utf16le.txt", bytes(0xFF, 0xFE), encode(TEXT, StandardCharsets.UTF_16LE));
        write("the-thao", "4-utf16be.txt", bytes(0xFE, 0xFF), encode(TEXT, StandardCharsets.UTF_16BE));

        Corpus corpus = CorpusReader.read(root);
        assertEquals(4, corpus.documents().size());
        for (Document d : corpus.documents()) {
            assertEquals(TEXT, d.text(), d.id());
            assertEquals(List.of("the-thao"), d.labels());
        }
        assertEquals(List.of("the-thao/1-utf8.txt", "the-thao/2-utf8-bom.txt", "the-thao/3-utf16le.txt", "the-thao/4-utf16be.txt"),
                corpus.documents().stream().map(Document::id).toList());
    }

    @Test
    void eachFolderIsALabelAndTheCorpusBringsItsOwnTaxonomy() throws IOException {
        write("y-te", "b.txt", encode("Bệnh viện mở rộng.", StandardCharsets.UTF_8));
        write("kinh-te", "a.txt", encode("Giá vàng tăng.", StandardCharsets.UTF_8));
        write("kinh-te", "notes.md", encode("không phải bài báo", StandardCharsets.UTF_8));
        Files.writeString(root.resolve("README.txt"), "ignored: not inside a label folder");

        Corpus corpus = CorpusReader.read(root);
        assertEquals(List.of(
                new Document("kinh-te/a.txt", null, "Giá vàng tăng.", List.of("kinh-te"), Path.of("kinh-te", "a.txt").toString()),
                new Document("y-te/b.txt", null, "Bệnh viện mở rộng.", List.of("y-te"), Path.of("y-te", "b.txt").toString())),
                corpus.documents());
        assertEquals(List.of("kinh-te", "y-te"), corpus.ownTaxonomy().orElseThrow().labels().stream().map(Label::id).toList());
        assertEquals(List.of(root.toString()), corpus.sources());
    }

    @Test
    void invalidUtf8IsRefusedNamingTheFile() throws IOException {
        write("the-thao", "good.txt", encode(TEXT, StandardCharsets.UTF_8));
        Path bad = write("the-thao", "windows-1258.txt", encode("Gi", StandardCharsets.US_ASCII), bytes(0xE1, 0x20, 0x76, 0xE0, 0x6E, 0x67));
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(root));
        assertEquals(bad + ": is not valid UTF-8 text (save it as UTF-8 or UTF-16 with a byte-order mark)", e.getMessage());
    }

    @Test
    void aTruncatedUtf16FileIsRefusedNamingTheFile() throws IOException {
        byte[] text = encode(TEXT, StandardCharsets.UTF_16LE);
        Path bad = write("the-thao", "cut.txt", bytes(0xFF, 0xFE), java.util.Arrays.copyOf(text, text.length - 1));
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(root));
        assertEquals(bad + ": is not valid UTF-16LE text (save it as UTF-8 or UTF-16 with a byte-order mark)", e.getMessage());
    }

    @Test
    void anEmptyArticleFileIsRefused() throws IOException {
        Path empty = write("the-thao", "empty.txt", bytes(0xEF, 0xBB, 0xBF), encode(" \n ", StandardCharsets.UTF_8));
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(root));
        assertEquals(empty + ": the file is empty", e.getMessage());
    }

    @Test
    void aDirectoryWithoutArticlesIsAnEmptyCorpus() throws IOException {
        Files.createDirectories(root.resolve("the-thao"));
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusReader.read(root));
        assertEquals("corpus " + root + " holds no documents", e.getMessage());
    }

    @Test
    void decodeReadsAFileByItsByteOrderMark() throws IOException {
        Path le = write("x", "le.txt", bytes(0xFF, 0xFE), encode("ả", StandardCharsets.UTF_16LE));
        Path be = write("x", "be.txt", bytes(0xFE, 0xFF), encode("ả", StandardCharsets.UTF_16BE));
        Path plain = write("x", "plain.txt", encode("ả", StandardCharsets.UTF_8));
        assertEquals("ả", FolderCorpusReader.decode(le));
        assertEquals("ả", FolderCorpusReader.decode(be));
        assertEquals("ả", FolderCorpusReader.decode(plain));
    }
}
