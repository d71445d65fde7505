package vn.nhan.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.data.Document;

/** The helpers a bundle is built from: {@link Checksums}, {@link AtomicFiles} and {@link TrainingData}. */
class BundleFilesTest {

    @Test
    void sha256OfAFileIsLowerCaseHex(@TempDir Path dir) throws IOException {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256(abc));
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Checksums.sha256(empty));
    }

    @Test
    void sha256OfAFileLargerThanTheBufferCoversEveryByte(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[200_000];
        Path file = Files.write(dir.resolve("big"), bytes);
        String before = Checksums.sha256(file);
        bytes[199_999] = 1;
        Files.write(file, bytes);
        assertNotEquals(before, Checksums.sha256(file));
    }

    @Test
    void sha256OfAMissingFileFails(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> Checksums.sha256(dir.resolve("missing")));
    }

    @Test
    void writeStringReplacesTheTargetAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub/report.json");
        AtomicFiles.writeString(target, "một");
        AtomicFiles.writeString(target, "hai");
        assertEquals("hai", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(Set.of("report.json"), list(target.getParent()));
    }

    @Test
    void writeStringGivesTheFileTheSamePermissionsAsAnyFileTheUserWrites(@TempDir Path dir) throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void replaceDirectoryPutsTheStagedDirectoryInPlaceAndRemovesTheOldOne(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("model"));
        Files.writeString(target.resolve("old.bin"), "old");
        Path staged = Files.createDirectories(dir.resolve(".model.staging"));
        Files.writeString(staged.resolve("new.bin"), "new");
        Files.createDirectories(staged.resolve("nested/deeper"));
        Files.writeString(staged.resolve("nested/deeper/x"), "x");

        AtomicFiles.replaceDirectory(staged, target);

        assertEquals(Set.of("new.bin", "nested"), list(target));
        assertEquals("x", Files.readString(target.resolve("nested/deeper/x")));
        assertEquals(Set.of("model"), list(dir));
    }

    @Test
    void replaceDirectoryCreatesTheTargetWhenThereIsNone(@TempDir Path dir) throws IOException {
        Path staged = Files.createDirectories(dir.resolve("staged"));
        Files.writeString(staged.resolve("a"), "a");
        AtomicFiles.replaceDirectory(staged, dir.resolve("model"));
        assertEquals(Set.of("model"), list(dir));
        assertTrue(Files.exists(dir.resolve("model/a")));
    }

    @Test
    void deleteRecursivelyRemovesATreeAndIgnoresAMissingOne(@TempDir Path dir) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("t/a/b"));
        Files.writeString(tree.resolve("f"), "f");
        Files.writeString(dir.resolve("t/g"), "g");
        AtomicFiles.deleteRecursively(dir.resolve("t"));
        assertFalse(Files.exists(dir.resolve("t")));
        AtomicFiles.deleteRecursively(dir.resolve("t"));
    }

    @Test
    void theTrainingDataHashDependsOnEveryFieldButNotOnTheSources() {
        List<Document> docs = List.of(new Document("1", "Tiêu đề", "Nội dung", List.of("a", "b")), new Document("2", null, "Khác", List.of()));
        TrainingData data = TrainingData.of(docs, List.of("x.jsonl"));
        assertEquals(2, data.documents());
        assertTrue(data.sha256().matches("[0-9a-f]{64}"));
        assertEquals(data.sha256(), TrainingData.of(docs, List.of("y.csv")).sha256());
        assertEquals(data.sha256(), TrainingData.of(List.of(docs.get(0), docs.get(1).withLabels(List.of())), List.of()).sha256());

        assertNotEquals(data.sha256(), TrainingData.of(List.of(docs.get(1), docs.get(0)), List.of()).sha256(), "order");
        assertNotEquals(data.sha256(), TrainingData.of(List.of(docs.get(0).withLabels(List.of("a")), docs.get(1)), List.of()).sha256(), "labels");
        assertNotEquals(data.sha256(), TrainingData.of(List.of(new Document("1", "Tiêu đề", "Nội dung.", List.of("a", "b")), docs.get(1)),
                List.of()).sha256(), "text");
    }

    @Test
    void fieldBoundariesCannotBeShiftedWithoutChangingTheHash() {
        TrainingData a = TrainingData.of(List.of(new Document("1", "ab", "c", List.of())), List.of());
        TrainingData b = TrainingData.of(List.of(new Document("1", "a", "bc", List.of())), List.of());
        assertNotEquals(a.sha256(), b.sha256());
    }

    @Test
    void aMissingTitleHashesLikeAnEmptyOne() {
        assertEquals(TrainingData.of(List.of(new Document("1", null, "c", List.of())), List.of()).sha256(),
                TrainingData.of(List.of(new Document("1", "", "c", List.of())), List.of()).sha256());
    }

    @Test
    void theTrainingDataJsonHasHashCountAndSources() throws IOException {
        TrainingData data = new TrainingData("ff", 3, List.of("a.jsonl", "b.csv"));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(data);
        assertEquals(Map.of("sha256", "ff", "n_documents", 3, "sources", List.of("a.jsonl", "b.csv")), json.readValue(text, Map.class));
        assertEquals(data, json.readValue(text, TrainingData.class));
    }

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
