package dev.raven.instance;

import dev.raven.Version;
import dev.raven.config.RavenConfig;
import dev.raven.http.Paging;
import dev.raven.profile.ProfileFields;

/** GET /api/instance/: who this server is and the limits clients should respect. */
public record InstanceInfo(String name, String version, Limits limits, Registration registration) {

    /** How one joins: {@code mode} is open, approval, invite or closed. */
    public record Registration(String mode, boolean invitesByUsers) {
    }

    public record Limits(int tweetMaxLength, int replyMaxLength, int usernameMaxLength, int passwordMinBytes,
                         int passwordMaxBytes, int aliasMaxLength, int bioMaxLength, int urlMaxLength,
                         int pageSizeDefault, int pageSizeMax, long requestBodyMaxBytes) {
    }

    public static InstanceInfo of(RavenConfig config) {
        return new InstanceInfo(config.instanceName(), Version.current(), new Limits(
                config.tweetMaxLength(), config.tweetMaxLength(), 30, 8, 72,
                ProfileFields.ALIAS_MAX, ProfileFields.BIO_MAX, ProfileFields.URL_MAX,
                Paging.DEFAULT_LIMIT, Paging.MAX_LIMIT, config.maxBodyBytes()),
                new Registration(config.registrationMode().key(), config.invitesByUsers()));
    }
}
