package vn.nhan.service.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Binds a request's JSON object to its record with Jackson, strictly (no coercion between
 * strings, numbers and booleans, no fractions as integers, no unknown fields), and maps every
 * binding failure to one 400 sentence naming the field and what it must be. Range and presence
 * checks are the records' own {@code validate} methods.
 */
final class RequestBinding {
    /** What each field must be, in the words of the error messages. */
    private static final Map<String, String> EXPECTED = Map.of(
            "text", "a string",
            "title", "a string",
            "id", "a string or an integer",
            "threshold", "a number between 0 and 1",
            "top_k", "an integer between 1 and 1000",
            "explain", "true or false",
            "documents", "an array of {\"id\", \"title\", \"text\"}",
            "labels", "an array of label ids",
            "predicted", "an array of label ids",
            "override_base", "true or false");

    private static final ObjectMapper MAPPER = strict(new ObjectMapper());

    private RequestBinding() {
    }

    private static ObjectMapper strict(ObjectMapper m) {
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                m.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        return m;
    }

    /** {@code body} as a {@code type}, or a 400 {@link ApiError} saying which field is wrong and what it must be. */
    static <T> T bind(JsonNode body, Class<T> type) {
        try {
            return MAPPER.treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            Collections.sort(known);
            List<Object> path = path(e);
            List<Object> parent = path.isEmpty() ? path : path.subList(0, path.size() - 1); // the path ends at the unknown field
            throw ApiError.badRequest(prefix(parent) + e.getPropertyName() + " is not a known field (known: " + String.join(", ", known) + ")");
        } catch (JsonMappingException e) {
            throw wrong(path(e), e.getProcessor());
        } catch (InputCoercionException e) {
            throw wrong(path(e.getProcessor().getParsingContext()), e.getProcessor());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** "documents[3]." before the fields of an element. */
    static String prefix(List<Object> path) {
        return path.isEmpty() ? "" : describe(path) + ".";
    }

    private static ApiError wrong(List<Object> path, Object processor) {
        if (path.isEmpty()) {
            return ApiError.badRequest("expected a JSON object");
        }
        Object last = path.get(path.size() - 1);
        String got = processor instanceof JsonParser p ? got(p) : "";
        if (last instanceof Integer) { // an element of an array: of documents, an object; of labels, a string
            boolean documents = path.size() >= 2 && "documents".equals(path.get(path.size() - 2));
            return ApiError.badRequest(describe(path) + " must be " + (documents ? "an object {\"id\", \"title\", \"text\"}" : "a string") + got);
        }
        return ApiError.badRequest(describe(path) + " must be " + EXPECTED.getOrDefault(String.valueOf(last), "of another type") + got);
    }

    private static String got(JsonParser p) {
        try {
            JsonToken token = p.currentToken();
            String text = p.getText();
            if (token == null || text == null) {
                return "";
            }
            return ", got " + switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
                default -> text;
            };
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static List<Object> path(JsonMappingException e) {
        List<Object> out = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            out.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
        }
        return out;
    }

    private static List<Object> path(JsonStreamContext context) {
        List<Object> out = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            out.add(0, c.inArray() ? (Object) c.getCurrentIndex() : c.getCurrentName());
        }
        return out;
    }

    /** ["documents", 3, "text"] as "documents[3].text". */
    static String describe(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(step);
            }
        }
        return b.toString();
    }
}
