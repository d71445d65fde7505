package vn.nhan.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.nhan.data.Document;

/**
 * Reads a folder-per-label corpus, {@code DIR/<label>/*.txt}, one single-label article a file.
 * Files are UTF-8, or UTF-16 / UTF-8 with a byte-order mark. The label set is the folder names.
 */
public final class FolderCorpusReader {
    private FolderCorpusReader() {
    }

    public static List<Document> read(Path root) throws IOException {
        List<Document> docs = new ArrayList<>();
        List<Path> labelDirs;
        try (Stream<Path> s = Files.list(root)) {
            labelDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : labelDirs) {
            String label = dir.getFileName().toString();
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt")).sorted().toList();
            }
            for (Path file : files) {
                String text = decode(file);
                if (text.isBlank()) {
                    throw new CorpusException(file, 0, "the file is empty");
                }
                docs.add(new Document(label + "/" + file.getFileName(), null, text, List.of(label), root.relativize(file).toString()));
            }
        }
        return docs;
    }

    /** Decodes a text file by its byte-order mark (UTF-8 without one); malformed bytes are an error. */
    static String decode(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new CorpusException(file, 0, "is not valid " + charset.name() + " text (save it as UTF-8 or UTF-16 with a byte-order mark)");
        }
    }
}
