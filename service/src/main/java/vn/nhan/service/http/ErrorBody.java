package vn.nhan.service.http;

/** Every error the service answers: {"error": {"code", "message"}}. */
public record ErrorBody(Problem error) {
    /** The error's code (stable, for programs) and message (for people). */
    public record Problem(String code, String message) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Problem(code, message == null ? code : message));
    }
}
