package vn.nhan.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.nhan.data.Document;

/**
 * Reads CSV or TSV with a header row naming the columns {@code id, title, text, labels} (title and
 * labels optional); labels are separated by '|'. Fields may be quoted with '"' ("" inside quotes is
 * a quote) and quoted fields may span lines.
 */
public final class DelimitedCorpusReader {
    private DelimitedCorpusReader() {
    }

    public static List<Document> read(BufferedReader in, Path file, char delimiter) throws IOException {
        RecordReader records = new RecordReader(in, file, delimiter);
        List<String> header = records.next();
        if (header == null) {
            throw new CorpusException(file, 1, "empty file: expected a header row with id, title, text, labels");
        }
        header = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList();
        int id = header.indexOf("id");
        int title = header.indexOf("title");
        int text = header.indexOf("text");
        int labels = header.indexOf("labels");
        if (id < 0 || text < 0) {
            throw new CorpusException(file, 1, "the header must name the columns id and text (and optionally title, labels), got " + header);
        }
        List<Document> docs = new ArrayList<>();
        List<String> row;
        while ((row = records.next()) != null) {
            int line = records.startLine();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new CorpusException(file, line, "expected " + header.size() + " fields as in the header, got " + row.size());
            }
            if (row.get(id).isBlank()) {
                throw new CorpusException(file, line, "missing id");
            }
            if (row.get(text).isBlank()) {
                throw new CorpusException(file, line, "missing or empty text");
            }
            List<String> labelList = labels < 0 || row.get(labels).isBlank() ? List.of()
                    : Arrays.stream(row.get(labels).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            docs.add(new Document(row.get(id).strip(), title < 0 ? null : row.get(title), row.get(text), labelList,
                    file.getFileName() + ":" + line));
        }
        return docs;
    }

    /** Splits the input into records, honouring quotes. */
    private static final class RecordReader {
        private final BufferedReader in;
        private final Path file;
        private final char delimiter;
        private int line;
        private int startLine;

        RecordReader(BufferedReader in, Path file, char delimiter) {
            this.in = in;
            this.file = file;
            this.delimiter = delimiter;
        }

        int startLine() {
            return startLine;
        }

        List<String> next() throws IOException {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
            startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        break;
                    }
                    text = in.readLine();
                    if (text == null) {
                        throw new CorpusException(file, startLine, "a quoted field is never closed");
                    }
                    line++;
                    field.append('\n');
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
