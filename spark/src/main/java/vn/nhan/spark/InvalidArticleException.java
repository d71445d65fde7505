package vn.nhan.spark;

/** An input record that is not an article (no id, no text, not JSON): the job stops with its message. */
final class InvalidArticleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidArticleException(String message) {
        super(message);
    }
}
