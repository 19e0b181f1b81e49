package dev.raven.storage;

import dev.raven.app.Writes;
import dev.raven.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Set;

/**
 * The before-handler that refuses changes with 507 insufficient_storage while data.dir is
 * low on space, before they reach the database. Reads always pass; so do the routes marked
 * {@link Writes#NONE}, and while space is merely low (not gone) those marked {@link Writes#SESSION}.
 */
public final class WriteGate {
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final StorageGuard guard;

    public WriteGate(StorageGuard guard) {
        this.guard = guard;
    }

    public void check(Context ctx) {
        if (!CHANGES.contains(ctx.method()) || ctx.routeRoles().contains(Writes.NONE)) {
            return;
        }
        StorageGuard.Level level = guard.level();
        if (level == StorageGuard.Level.OK
                || level == StorageGuard.Level.LOW && ctx.routeRoles().contains(Writes.SESSION)) {
            return;
        }
        throw ApiException.insufficientStorage();
    }
}
