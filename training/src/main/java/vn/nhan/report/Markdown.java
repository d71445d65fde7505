package vn.nhan.report;

import java.util.List;

/** Escaping and table helpers for CommonMark / GitHub-flavoured Markdown. */
final class Markdown {

    private static final String SPECIAL = "\\`*_[]<>|&~#";

    private Markdown() {
    }

    /** Escapes characters that Markdown or inline HTML would interpret; newlines become spaces. */
    static String text(Object value) {
        String text = String.valueOf(value).replace('\r', ' ').replace('\n', ' ');
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A code span (pipes escaped for tables), or escaped text when the value contains a backtick. */
    static String code(String value) {
        if (value.indexOf('`') >= 0) {
            return text(value);
        }
        return "`" + value.replace('\r', ' ').replace('\n', ' ').replace("|", "\\|") + "`";
    }

    /** A table row from already-escaped cells. */
    static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A header row plus the delimiter row; {@code alignRight} marks numeric columns. */
    static String header(List<String> titles, boolean[] alignRight) {
        StringBuilder header = new StringBuilder(row(titles)).append('|');
        for (int i = 0; i < titles.size(); i++) {
            header.append(alignRight[i] ? " ---: |" : " --- |");
        }
        return header.append('\n').toString();
    }
}
