package vn.nhan.model;

/**
 * A passage that carries a label: {@code text} is {@code field.substring(start, end)} of what the
 * client sent ({@code field} is "text" or "title"), and {@code score} is the label's calibrated
 * score on that passage alone.
 */
public record Evidence(String field, String text, int start, int end, float score) {
    public static final String TEXT = "text";
    public static final String TITLE = "title";
}
