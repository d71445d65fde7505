package vn.nhan.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A JSON parse error as a plain sentence with its column: no parser internals, no source dumps. */
final class JsonErrors {
    private JsonErrors() {
    }

    static String plain(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        message = message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s+", " ")
                .strip();
        JsonLocation where = e.getLocation();
        return where != null && where.getColumnNr() > 0 ? message + " (column " + where.getColumnNr() + ")" : message;
    }
}
