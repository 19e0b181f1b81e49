package dev.raven.moderation;

import dev.raven.http.Bodies;
import io.javalin.http.Context;

/**
 * POST /internal/admin/create and /internal/admin/role (operator only, like /internal/backup):
 * the admin command's way in while the server holds the embedded database.
 */
public final class AdminOpsHandler {
    private final AdminAccounts admins;
    private final Bodies bodies;

    public AdminOpsHandler(AdminAccounts admins, Bodies bodies) {
        this.admins = admins;
        this.bodies = bodies;
    }

    record Create(String username, String email, String password) {
    }

    /** {@code grant}: true to give the role, false to take it back. */
    record RoleChange(String username, String role, Boolean grant) {
    }

    public void create(Context ctx) {
        Create req = bodies.read(ctx, Create.class);
        ctx.status(201).json(admins.create(req.username(), req.email(), req.password()));
    }

    public void role(Context ctx) {
        RoleChange req = bodies.read(ctx, RoleChange.class);
        if (req.username() == null || req.username().isEmpty()) {
            throw dev.raven.http.ApiException.invalid("username", "This field is required.");
        }
        ctx.status(200).json(Boolean.FALSE.equals(req.grant()) ? admins.revoke(req.username(), req.role())
                : admins.grant(req.username(), req.role()));
    }
}
