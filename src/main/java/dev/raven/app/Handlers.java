package dev.raven.app;

import dev.raven.auth.AuthHandler;
import dev.raven.backup.BackupHandler;
import dev.raven.health.HealthHandler;
import dev.raven.instance.InstanceHandler;
import dev.raven.profile.ProfileHandler;
import dev.raven.tweet.TweetHandler;

/** Every route handler, built once by {@link RavenApp} and handed to {@link Routes}. */
record Handlers(HealthHandler health, InstanceHandler instance, AuthHandler auth, ProfileHandler profiles, TweetHandler tweets,
                BackupHandler backup) {
}
