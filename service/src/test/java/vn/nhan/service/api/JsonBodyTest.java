package vn.nhan.service.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JsonBody on its own: the media type check and the parse of the body's bytes. */
class JsonBodyTest {
    private static ApiError refused(String body) {
        return assertThrows(ApiError.class, () -> JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8", "application/json;charset=\"UTF-8\"",
            "application/json; charset=utf8", "application/json; foo=bar"})
    void acceptsJsonInUtf8(String type) {
        assertDoesNotThrow(() -> JsonBody.checkMediaType(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/jsonx", "application/json-patch+json", "text/json", "text/plain", "application/x-www-form-urlencoded",
            "application/json; charset=latin1", "application/json; charset=utf-16", "", " "})
    void refusesOtherTypesAndCharsetsWith415(String type) {
        ApiError e = assertThrows(ApiError.class, () -> JsonBody.checkMediaType(type));
        assertEquals(415, e.status());
        assertEquals("unsupported_media_type", e.code());
        assertTrue(e.getMessage().startsWith("expected"), e.getMessage());
    }

    @Test
    void aMissingTypeIsNamed() {
        assertEquals("expected Content-Type: application/json, got none",
                assertThrows(ApiError.class, () -> JsonBody.checkMediaType(null)).getMessage());
    }

    @Test
    void parsesAnObject() {
        assertEquals("xin chào", JsonBody.parse("{\"text\": \"xin chào\"}".getBytes(StandardCharsets.UTF_8)).get("text").asText());
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        assertTrue(refused("").getMessage().contains("the body is empty"));
        assertTrue(refused("   ").getMessage().contains("the body is empty"));
        assertEquals("expected a JSON object, got array", refused("[1]").getMessage());
        assertEquals("expected a JSON object, got string", refused("\"a\"").getMessage());
        assertTrue(refused("{\"a\": 1} {}").getMessage().startsWith("malformed JSON"));
        assertTrue(refused("{\"a\": 1").getMessage().startsWith("malformed JSON"));
        assertTrue(refused("{\"a\": 1, \"a\": 2}").getMessage().contains("Duplicate field 'a'"));
        assertTrue(refused("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").getMessage().startsWith("malformed JSON"));
        for (String start : new String[] {"\u0000{}", "\u0000\u0000\u0000{}", "{\u0000\"a\": 1}"}) { // not read as UTF-16 or UTF-32
            ApiError e = refused(start);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
        }
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"text\": \"Hà Nội\"}".getBytes(StandardCharsets.ISO_8859_1);
        ApiError e = assertThrows(ApiError.class, () -> JsonBody.parse(latin1));
        assertEquals(400, e.status());
        assertEquals("the body is not valid UTF-8", e.getMessage());
    }
}
