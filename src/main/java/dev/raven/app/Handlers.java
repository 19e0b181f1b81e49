package dev.raven.app;

import dev.raven.auth.AuthHandler;
import dev.raven.backup.BackupHandler;
import dev.raven.health.HealthHandler;

/** Every route handler, built once by {@link RavenApp} and handed to {@link Routes}. */
record Handlers(HealthHandler health, AuthHandler auth, BackupHandler backup) {
}
