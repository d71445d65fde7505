package vn.nhan.service.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding and checking the classify bodies: one style, one sentence per wrong field. */
class ClassifyRequestTest {
    private static ClassifyRequest single(String json) {
        return ClassifyRequest.single(JsonBody.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ClassifyRequest> batch(String json) {
        return ClassifyRequest.batch(JsonBody.parse(json.getBytes(StandardCharsets.UTF_8)), 3);
    }

    private static String refusedSingle(String json) {
        ApiError e = assertThrows(ApiError.class, () -> single(json));
        assertEquals(400, e.status(), e.getMessage());
        return e.getMessage();
    }

    private static String refusedBatch(String json) {
        return assertThrows(ApiError.class, () -> batch(json)).getMessage();
    }

    @Test
    void bindsEveryField() {
        ClassifyRequest r = single("{\"id\": 7, \"title\": \"T\", \"text\": \"x\", \"threshold\": 1, \"top_k\": 3, \"explain\": true}");
        assertEquals("7", r.id());
        assertEquals("T", r.title());
        assertEquals(1f, r.threshold());
        assertEquals(3, r.topK());
        assertTrue(r.explain());
        ClassifyRequest bare = single("{\"text\": \"x\", \"title\": null}");
        assertNull(bare.id());
        assertNull(bare.threshold());
        assertFalse(bare.explain());
    }

    @Test
    void eachWrongFieldGetsOneSentence() {
        assertEquals("text must be a string, got 5", refusedSingle("{\"text\": 5}"));
        assertEquals("text must be a string, got true", refusedSingle("{\"text\": true}"));
        assertTrue(refusedSingle("{\"text\": [\"a\"]}").startsWith("text must be a string"));
        assertEquals("text is required and must be a non-empty string", refusedSingle("{\"title\": \"x\"}"));
        assertEquals("text is required and must be a non-empty string", refusedSingle("{\"text\": \"\"}"));
        assertEquals("title must be a string, got 1", refusedSingle("{\"text\": \"x\", \"title\": 1}"));
        assertEquals("top_k must be an integer between 1 and 1000, got '3'", refusedSingle("{\"text\": \"x\", \"top_k\": \"3\"}"));
        assertEquals("top_k must be an integer between 1 and 1000, got 2.5", refusedSingle("{\"text\": \"x\", \"top_k\": 2.5}"));
        assertEquals("top_k must be an integer between 1 and 1000, got 18446744073709551617",
                refusedSingle("{\"text\": \"x\", \"top_k\": 18446744073709551617}"));
        assertEquals("top_k must be an integer between 1 and 1000, got 0", refusedSingle("{\"text\": \"x\", \"top_k\": 0}"));
        assertEquals("threshold must be a number between 0 and 1, got '0.5'", refusedSingle("{\"text\": \"x\", \"threshold\": \"0.5\"}"));
        assertEquals("threshold must be a number between 0 and 1, got Infinity", refusedSingle("{\"text\": \"x\", \"threshold\": 1e400}"));
        assertEquals("explain must be true or false, got 'yes'", refusedSingle("{\"text\": \"x\", \"explain\": \"yes\"}"));
        assertEquals("explain must be true or false, got 1", refusedSingle("{\"text\": \"x\", \"explain\": 1}"));
        assertEquals("id must be a string or an integer, got 1.5", refusedSingle("{\"text\": \"x\", \"id\": 1.5}"));
        assertEquals("txt is not a known field (known: explain, id, text, threshold, title, top_k)", refusedSingle("{\"txt\": \"x\"}"));
    }

    @Test
    void batchMessagesNameTheDocument() {
        assertEquals(2, batch("{\"documents\": [{\"text\": \"a\"}, {\"id\": \"b\", \"text\": \"b\"}]}").size());
        assertEquals("documents is required and must be an array of {\"id\", \"title\", \"text\"}", refusedBatch("{}"));
        assertEquals("documents must be an array of {\"id\", \"title\", \"text\"}, got an object", refusedBatch("{\"documents\": {}}"));
        assertEquals("documents[1].text must be a string, got 1", refusedBatch("{\"documents\": [{\"text\": \"a\"}, {\"text\": 1}]}"));
        assertTrue(refusedBatch("{\"documents\": [\"a\"]}").startsWith("documents[0] must be an object {\"id\", \"title\", \"text\"}"));
        assertEquals("documents[0] must be an object {\"id\", \"title\", \"text\"}", refusedBatch("{\"documents\": [null]}"));
        assertEquals("documents[0].text is required and must be a non-empty string", refusedBatch("{\"documents\": [{\"title\": \"t\"}]}"));
        assertEquals("documents[0].top_k is not a known field (known: id, text, title)", refusedBatch("{\"documents\": [{\"text\": \"a\", \"top_k\": 1}]}"));
        assertEquals("extra is not a known field (known: documents)", refusedBatch("{\"documents\": [], \"extra\": 1}"));
        ApiError big = assertThrows(ApiError.class, () -> batch("{\"documents\": [{\"text\": \"a\"}, {\"text\": \"a\"}, {\"text\": \"a\"}, {\"text\": \"a\"}]}"));
        assertEquals(413, big.status());
        assertEquals("the batch has 4 documents, more than the maximum of 3", big.getMessage());
    }

    @Test
    void aLongDocumentIsCutAndMarked() {
        ClassifyRequest r = single("{\"title\": \"" + "t".repeat(10) + "\", \"text\": \"" + "a".repeat(2000) + "\"}");
        ClassifyRequest cut = r.within(1000);
        assertTrue(cut.truncated());
        assertEquals(10, cut.title().length());
        assertEquals(990, cut.text().length());
        assertFalse(r.within(5000).truncated());
        ClassifyRequest emoji = single("{\"text\": \"" + "😀".repeat(600) + "\"}").within(1001);
        assertEquals(1000, emoji.text().length(), "never cuts a surrogate pair in two");
    }
}
