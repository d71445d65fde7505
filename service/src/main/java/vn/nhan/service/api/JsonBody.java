package vn.nhan.service.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a request body as a JSON object, within a byte limit that also holds for chunked bodies,
 * checking the content type and that the bytes are UTF-8.
 */
public final class JsonBody {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    /** The request attribute holding the parsed body. */
    static final String ATTRIBUTE = "nhan.jsonBody";

    private JsonBody() {
    }

    /** The body of {@code ctx} as a JSON object, or an {@link ApiError} saying what is wrong. */
    public static JsonNode object(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "unsupported_media_type", "expected Content-Type: application/json, got " + (type == null ? "none" : "'" + type + "'"));
        }
        if (ctx.contentLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String text = utf8(read(ctx, maxBytes));
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw ApiError.badRequest("the body is empty: expected a JSON object");
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("expected a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        ctx.attribute(ATTRIBUTE, node); // the body can be read once; after-handlers (the review queue) read it here
        return node;
    }

    private static byte[] read(Context ctx, long maxBytes) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[(int) Math.min(maxBytes + 1, 64 * 1024)];
            int size = 0;
            int n;
            while ((n = in.read(buffer, size, buffer.length - size)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, (long) buffer.length * 2));
                }
            }
            return Arrays.copyOf(buffer, size);
        } catch (IOException e) {
            throw ApiError.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("the body is not valid UTF-8");
        }
    }

    private static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, "payload_too_large", "the body is larger than the limit of " + maxBytes + " bytes");
    }
}
