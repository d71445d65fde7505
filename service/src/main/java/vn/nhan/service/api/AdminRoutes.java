package vn.nhan.service.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import vn.nhan.service.model.LoadedModel;
import vn.nhan.service.model.ModelHolder;

/**
 * POST /admin/reload: loads the model again (the registry's current version, or the bundle path),
 * validating it in the background; answers with the model now served, or 422 when the new bundle
 * was refused (the old one keeps serving). Needs {@code Authorization: Bearer <NHAN_ADMIN_TOKEN>}.
 */
public final class AdminRoutes {
    private final ModelHolder models;
    private final String token;
    private final Supplier<java.nio.file.Path> bundleToLoad;

    public AdminRoutes(ModelHolder models, String token, Supplier<java.nio.file.Path> bundleToLoad) {
        this.models = models;
        this.token = token;
        this.bundleToLoad = bundleToLoad;
    }

    public void register(Javalin app) {
        app.post("/admin/reload", this::reload);
    }

    /** Throws 403 when admin routes are off, 401 when the bearer token is missing or wrong. */
    public static void authorize(Context ctx, String token) {
        if (token == null) {
            throw new ApiError(403, "admin_disabled", "admin routes are disabled: start the service with NHAN_ADMIN_TOKEN set");
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required");
        }
    }

    private void reload(Context ctx) throws InterruptedException {
        authorize(ctx, token);
        try {
            LoadedModel model = models.reload(bundleToLoad.get()).get(5, TimeUnit.MINUTES);
            ctx.json(Map.of("status", "reloaded", "model", Responses.model(model)));
        } catch (ExecutionException e) {
            String served = models.current().map(LoadedModel::id).orElse("nothing");
            throw new ApiError(422, "bundle_refused", e.getCause().getMessage() + "; still serving " + served);
        } catch (TimeoutException e) {
            throw new ApiError(504, "reload_timeout", "the new model is still loading; it will be swapped in when valid");
        }
    }
}
