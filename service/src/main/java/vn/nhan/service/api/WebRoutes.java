package vn.nhan.service.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** GET / (the web page), GET /docs (interactive API page), GET /openapi.json and their assets. */
public final class WebRoutes {
    private final byte[] index = resource("/web/index.html");
    private final byte[] docs = resource("/web/docs.html");
    private final byte[] script = resource("/web/app.js");
    private final byte[] docsScript = resource("/web/docs.js");
    private final byte[] style = resource("/web/app.css");
    private final byte[] openapi = resource("/web/openapi.json");

    public void register(Javalin app) {
        app.get("/", ctx -> send(ctx, index, "text/html; charset=utf-8"));
        app.get("/docs", ctx -> send(ctx, docs, "text/html; charset=utf-8"));
        app.get("/app.js", ctx -> send(ctx, script, "text/javascript; charset=utf-8"));
        app.get("/docs.js", ctx -> send(ctx, docsScript, "text/javascript; charset=utf-8"));
        app.get("/app.css", ctx -> send(ctx, style, "text/css; charset=utf-8"));
        app.get("/openapi.json", ctx -> send(ctx, openapi, "application/json; charset=utf-8"));
    }

    private static void send(Context ctx, byte[] body, String type) {
        ctx.contentType(type).header("Cache-Control", "no-cache").result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
