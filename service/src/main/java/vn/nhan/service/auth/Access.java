package vn.nhan.service.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.nhan.feedback.ApiKey;
import vn.nhan.feedback.ApiKeys;
import vn.nhan.service.api.ApiError;

/**
 * The one place requests are authenticated and authorised: a {@code beforeMatched} handler that reads
 * the matched route's roles. {@code Authorization: Bearer KEY} carries an API key from the store, or
 * {@code NHAN_ADMIN_TOKEN} (compared in constant time), the bootstrap admin. No role means open,
 * except that with {@code requireKey} every {@code /v1/} route needs a valid key. 401 without a
 * valid key, 403 for a revoked key or a role that does not suffice. Secrets are never logged.
 */
public final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    private final ApiKeys keys;
    private final String adminToken;
    private final boolean requireKey;

    public Access(ApiKeys keys, String adminToken, boolean requireKey) {
        this.keys = keys;
        this.adminToken = adminToken;
        this.requireKey = requireKey;
    }

    public void register(Javalin app) {
        app.beforeMatched(this::check);
    }

    private void check(Context ctx) throws SQLException {
        Set<RouteRole> roles = ctx.routeRoles();
        boolean needsKey = !roles.isEmpty() || requireKey && ctx.path().startsWith("/v1/");
        if (!needsKey) {
            return;
        }
        Principal principal = authenticate(ctx);
        ctx.attribute(Principal.ATTRIBUTE, principal);
        if (!Role.allows(roles, principal.role())) {
            throw new ApiError(403, "forbidden", "this route needs an " + (roles.contains(Role.EDITOR) ? "editor or admin" : "admin")
                    + " key; the key '" + principal.name() + "' is " + principal.role().id());
        }
    }

    private Principal authenticate(Context ctx) throws SQLException {
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (presented.isEmpty()) {
            throw unauthorized(ctx, "this route needs a key: send 'Authorization: Bearer <key>' (make one with: bin/nhan keys add)");
        }
        if (adminToken != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8))) {
            return new Principal(Principal.ADMIN_TOKEN_NAME, ApiKey.Role.ADMIN);
        }
        ApiKeys.Check check = keys.check(presented);
        return switch (check.status()) {
            case VALID -> new Principal(check.key().name(), check.key().role());
            case REVOKED -> {
                LOG.info("refused the revoked key '{}' on {} {}", check.key().name(), ctx.method().name(), ctx.path());
                throw new ApiError(403, "key_revoked", "the key '" + check.key().name() + "' was revoked on " + check.key().revoked());
            }
            case UNKNOWN -> throw unauthorized(ctx, "the key sent in 'Authorization: Bearer' is not a valid key");
        };
    }

    private static ApiError unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        return new ApiError(401, "unauthorized", message);
    }
}
