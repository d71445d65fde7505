package vn.nhan.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One line of a registry's {@code history.jsonl}: its {@code time}, {@code event} and
 * {@code version}, and the whole line, since each kind of event has fields of its own (a promotion
 * its {@code previous} and {@code reason}, an evaluation its figures).
 */
public record HistoryEvent(String time, String event, String version, ObjectNode line) {

    static HistoryEvent of(ObjectNode line) {
        return new HistoryEvent(line.path("time").textValue(), line.path("event").textValue(), line.path("version").textValue(), line);
    }

    /** A text field of the line, if it has one. */
    public Optional<String> text(String field) {
        JsonNode value = line.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A field of the line; a missing node when it has none. */
    public JsonNode get(String field) {
        return line.path(field);
    }

    public boolean is(String event) {
        return event.equals(this.event);
    }
}
