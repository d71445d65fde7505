package vn.nhan.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups and the binary form of {@link Vocabulary}. */
class VocabularyTest {

    private static final long[] KEYS = {42, -1, Long.MAX_VALUE, Long.MIN_VALUE, 7};
    private static final float[] IDF = {1f, 1.5f, 2.25f, 3f, 1.125f};

    @Test
    void idsFollowTheOrderOfTheKeys() {
        Vocabulary v = new Vocabulary(KEYS, IDF);
        assertEquals(5, v.size());
        for (int i = 0; i < KEYS.length; i++) {
            assertEquals(i, v.id(KEYS[i]));
            assertEquals(IDF[i], v.idf(i));
        }
        assertEquals(-1, v.id(43));
        assertEquals(-1, v.id(1));
    }

    @Test
    void keysAndIdfOfDifferentLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Vocabulary(new long[3], new float[2]));
        assertEquals("keys and idf differ in length: 3 vs 2", e.getMessage());
    }

    @Test
    void aVocabularyWrittenToAFileReadsBackTheSame(@TempDir Path dir) throws IOException {
        Vocabulary v = new Vocabulary(KEYS, IDF);
        Path file = dir.resolve("vocabulary.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            v.write(out);
        }
        assertEquals(4 + 4 + KEYS.length * 12L, Files.size(file));
        Vocabulary read;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            read = Vocabulary.read(in);
        }
        assertEquals(v.size(), read.size());
        for (int i = 0; i < KEYS.length; i++) {
            assertEquals(i, read.id(KEYS[i]));
            assertEquals(IDF[i], read.idf(i));
        }
        assertArrayEquals(Files.readAllBytes(file), bytes(read));
    }

    @Test
    void aFittedVocabularySurvivesARoundTripWithIdenticalFeatures() throws IOException {
        List<String> texts = List.of("Quy chế phối hợp giữa các cơ quan.", "Quy chế làm việc của Ủy ban.", "Phối hợp phòng chống dịch.");
        FeatureExtractor fitted = FeatureExtractor.fit(texts, FeatureConfig.defaults().withMinDf(1));
        Vocabulary read = Vocabulary.read(new DataInputStream(new ByteArrayInputStream(bytes(fitted.vocabulary()))));
        FeatureExtractor reloaded = new FeatureExtractor(fitted.config(), read);
        for (String text : texts) {
            SparseVector a = fitted.extract(null, text);
            SparseVector b = reloaded.extract(null, text);
            assertTrue(a.size() > 0);
            assertArrayEquals(a.ids(), b.ids());
            assertArrayEquals(a.values(), b.values());
        }
    }

    @Test
    void anEmptyVocabularyRoundTrips() throws IOException {
        Vocabulary read = Vocabulary.read(new DataInputStream(new ByteArrayInputStream(bytes(new Vocabulary(new long[0], new float[0])))));
        assertEquals(0, read.size());
        assertEquals(-1, read.id(5));
    }

    @Test
    void aFileWithoutTheMagicNumberIsRefused() {
        byte[] bytes = bytes(new Vocabulary(KEYS, IDF));
        bytes[0] = 'X';
        IOException e = assertThrows(IOException.class, () -> Vocabulary.read(new DataInputStream(new ByteArrayInputStream(bytes))));
        assertTrue(e.getMessage().startsWith("not a vocabulary file (magic 58484e56, expected 4e484e56)"), e.getMessage());
    }

    @Test
    void anImpossibleSizeIsRefused() {
        byte[] bytes = bytes(new Vocabulary(KEYS, IDF));
        bytes[4] = (byte) 0x80; // negative entry count
        IOException e = assertThrows(IOException.class, () -> Vocabulary.read(new DataInputStream(new ByteArrayInputStream(bytes))));
        assertTrue(e.getMessage().matches("vocabulary size -\\d+ is out of range"), e.getMessage());
    }

    @Test
    void aTruncatedFileEndsInEndOfFile() {
        byte[] bytes = bytes(new Vocabulary(KEYS, IDF));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        assertThrows(EOFException.class, () -> Vocabulary.read(new DataInputStream(new ByteArrayInputStream(truncated))));
    }

    private static byte[] bytes(Vocabulary v) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            v.write(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return buffer.toByteArray();
    }
}
