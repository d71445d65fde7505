package vn.nhan.service.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import vn.nhan.service.auth.Role;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/**
 * POST /admin/reload: loads the model again (the registry's current version, or the bundle path),
 * validating it in the background; answers with the model now served, or 422 when the new bundle
 * was refused (the old one keeps serving). Needs an admin key (or NHAN_ADMIN_TOKEN).
 */
public final class AdminRoutes {
    private final ModelHolder models;
    private final Supplier<java.nio.file.Path> bundleToLoad;

    public AdminRoutes(ModelHolder models, Supplier<java.nio.file.Path> bundleToLoad) {
        this.models = models;
        this.bundleToLoad = bundleToLoad;
    }

    public void register(Javalin app) {
        app.post("/admin/reload", this::reload, Role.ADMIN);
    }

    private void reload(Context ctx) throws InterruptedException {
        java.nio.file.Path bundle = bundleToLoad.get();
        try {
            LoadedModel model = models.reload(bundle).get(5, TimeUnit.MINUTES);
            ctx.json(new Responses.Reloaded("reloaded", Responses.ModelRef.of(model)));
        } catch (ExecutionException e) {
            String served = models.current().map(LoadedModel::id).orElse("nothing");
            throw new ApiError(422, "bundle_refused", ApiError.withoutPath(e.getCause().getMessage(), bundle) + "; still serving " + served);
        } catch (TimeoutException e) {
            throw new ApiError(504, "reload_timeout", "the new model is still loading; it will be swapped in when valid");
        }
    }
}
