package vn.nhan.service.api;

/** An error a client caused (or a state it must wait out), answered as {"error": {"code", "message"}}. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    /**
     * {@code message} with {@code path} (as given, or absolute) named by its last part only: the API
     * never tells a client where the server keeps its files.
     */
    public static String withoutPath(String message, java.nio.file.Path path) {
        if (message == null || path == null || path.getFileName() == null) {
            return message;
        }
        String name = path.getFileName().toString();
        String absolute = path.toAbsolutePath().normalize().toString();
        return message.replace(absolute, name).replace(path.toString(), name);
    }
}
