package vn.nhan.service.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers itself (a request line or headers too long, a malformed request, an error
 * outside the routes) in the API's JSON shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ErrorJson.TYPE);
        return ByteBuffer.wrap(ErrorJson.body(status, ErrorJson.code(status), message(status, reason)));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        ErrorJson.write(response, code, ErrorJson.code(code), message(code, message));
    }

    private static String message(int status, String reason) {
        return switch (status) {
            case 414 -> "the request line is too long (send long texts as a JSON body to POST /v1/classify)";
            case 431 -> "the request headers are too large";
            case 408 -> "the request did not arrive in time" + (reason == null ? "" : ": " + reason);
            default -> reason == null || reason.isBlank() ? ErrorJson.code(status).replace('_', ' ') : reason;
        };
    }
}
