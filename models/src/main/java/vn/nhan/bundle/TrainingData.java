package vn.nhan.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import vn.nhan.data.Document;

/**
 * Identity of the data a model was trained on: a SHA-256 over every document's id, title, text and
 * labels in order (independent of the file format it was read from), the count and the sources.
 */
public record TrainingData(String sha256, @JsonProperty("n_documents") int documents, List<String> sources) {

    public static TrainingData of(List<Document> docs, List<String> sources) {
        MessageDigest digest = Checksums.newDigest();
        for (Document d : docs) {
            update(digest, d.id());
            update(digest, d.title() == null ? "" : d.title());
            update(digest, d.text());
            update(digest, String.join("|", d.labels()));
        }
        return new TrainingData(HexFormat.of().formatHex(digest.digest()), docs.size(), List.copyOf(sources));
    }

    private static void update(MessageDigest digest, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }
}
