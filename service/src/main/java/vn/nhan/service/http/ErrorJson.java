package vn.nhan.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpStatus;

/** The API's error body, {"error": {"code", "message"}}, for errors answered outside Javalin's handlers. */
final class ErrorJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "application/json; charset=utf-8";

    private ErrorJson() {
    }

    static byte[] body(int status, String code, String message) {
        try {
            return JSON.writeValueAsBytes(ErrorBody.of(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "uri_too_long" for 414: the status's reason phrase as a code. */
    static String code(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "error" : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        byte[] body = body(status, code, message);
        response.setStatus(status);
        response.setContentType(TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
