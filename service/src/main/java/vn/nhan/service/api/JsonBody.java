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
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.jetty.http.BadMessageException;

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
        checkMediaType(ctx.contentType());
        if (ctx.req().getContentLengthLong() > maxBytes) { // not ctx.contentLength(): an int, -1 past 2 GiB
            throw tooLarge(maxBytes);
        }
        JsonNode node = parse(read(ctx, maxBytes));
        ctx.attribute(ATTRIBUTE, node); // the body can be read once; after-handlers (the review queue) read it here
        return node;
    }

    /**
     * {@code bytes} as a JSON object: UTF-8, well-formed, no duplicate keys, nesting at most 64 deep.
     * Parsed from the bytes themselves, once checked to be UTF-8: decoding a 1 MiB body into a
     * string first made the parse three times as costly.
     */
    static JsonNode parse(byte[] bytes) {
        checkUtf8(bytes);
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) { // Jackson would take such a start for UTF-16 or UTF-32
                throw ApiError.badRequest("malformed JSON: a NUL byte at position " + i);
            }
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) { // not from a byte array; kept apart so a parse error is never "could not read"
            throw ApiError.badRequest("malformed JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw ApiError.badRequest("the body is empty: expected a JSON object");
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("expected a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return node;
    }

    /**
     * Accepts exactly {@code application/json}, with parameters, whose {@code charset} (if any) is
     * UTF-8: the body is always decoded as UTF-8, so another charset is refused rather than misread.
     */
    static void checkMediaType(String type) {
        if (type == null) {
            throw new ApiError(415, "unsupported_media_type", "expected Content-Type: application/json, got none");
        }
        String[] parts = type.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw new ApiError(415, "unsupported_media_type", "expected Content-Type: application/json, got '" + type + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param.length < 2 ? "" : param[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new ApiError(415, "unsupported_media_type", "expected the body in charset utf-8, got charset '" + charset + "'");
                }
            }
        }
    }

    /** The body's bytes, in one buffer of its declared size when it declares one. */
    private static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[(int) Math.min(maxBytes + 1, declared >= 0 ? declared + 1 : 64 * 1024)];
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
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        } catch (BadMessageException e) {
            throw new ApiError(e.getCode(), e.getCode() == 408 ? "request_timeout" : "bad_request", "the body could not be read: " + e.getReason());
        } catch (IOException e) {
            if (hasTimeout(e)) {
                throw new ApiError(408, "request_timeout", "the body did not arrive in time");
            }
            throw ApiError.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    private static boolean hasTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof BadMessageException b && b.getCode() == 408) {
                return true;
            }
        }
        return false;
    }

    /** Refuses bytes that are not UTF-8, decoding through a small buffer that is thrown away. */
    private static void checkUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.min(bytes.length + 1, 8192));
        while (true) {
            out.clear();
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw ApiError.badRequest("the body is not valid UTF-8");
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    private static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, "payload_too_large", "the body is larger than the limit of " + maxBytes + " bytes");
    }
}
