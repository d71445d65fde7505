package vn.nhan.service.auth;

import io.javalin.http.Context;
import vn.nhan.feedback.ApiKey;

/** Who sent a request: the key's name and role ({@code NHAN_ADMIN_TOKEN} is the admin "admin-token"). */
public record Principal(String name, ApiKey.Role role) {
    static final String ATTRIBUTE = "nhan.principal";
    public static final String ADMIN_TOKEN_NAME = "admin-token";

    public boolean isAdmin() {
        return role == ApiKey.Role.ADMIN;
    }

    /** The request's authenticated sender; only on routes that declare a role (Access guarantees one). */
    public static Principal of(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        if (p == null) {
            throw new IllegalStateException("no principal on " + ctx.path() + ": the route declares no role");
        }
        return p;
    }
}
