package vn.nhan.service.auth;

import io.javalin.security.RouteRole;
import java.util.Set;
import vn.nhan.feedback.ApiKey;

/**
 * The roles a route may require, declared on the route and checked by {@link Access} alone. A route
 * with no role is open (unless the service requires a key for the API); an admin may do anything an
 * editor may.
 */
public enum Role implements RouteRole {
    EDITOR, ADMIN;

    /** Whether a key holder with {@code held} may use a route requiring any of {@code required}. */
    static boolean allows(Set<RouteRole> required, ApiKey.Role held) {
        return required.isEmpty() || held == ApiKey.Role.ADMIN || required.contains(EDITOR) && held == ApiKey.Role.EDITOR;
    }
}
