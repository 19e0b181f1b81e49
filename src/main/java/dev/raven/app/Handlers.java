package dev.raven.app;

import dev.raven.activity.ActivityHandler;
import dev.raven.activity.ActivityPages;
import dev.raven.auth.AuthHandler;
import dev.raven.auth.AuthPages;
import dev.raven.auth.SettingsPages;
import dev.raven.backup.BackupHandler;
import dev.raven.block.BlockPages;
import dev.raven.moderation.AdminOpsHandler;
import dev.raven.moderation.ModerationPages;
import dev.raven.moderation.ModerationHandler;
import dev.raven.block.BlockHandler;
import dev.raven.explore.ExploreHandler;
import dev.raven.explore.ExplorePages;
import dev.raven.health.HealthHandler;
import dev.raven.instance.InstanceHandler;
import dev.raven.media.MediaHandler;
import dev.raven.profile.ProfileHandler;
import dev.raven.profile.ProfilePages;
import dev.raven.reply.ReplyHandler;
import dev.raven.reply.ReplyPages;
import dev.raven.tweet.TweetHandler;
import dev.raven.tweet.TweetPages;
import dev.raven.web.Assets;
import dev.raven.notify.NotificationHandler;
import dev.raven.notify.NotificationPages;
import dev.raven.notify.StreamHandler;
import dev.raven.tag.TagHandler;
import dev.raven.tag.TagPages;

/** Every route handler (API and web pages), built once by {@link RavenApp} and handed to {@link Routes}. */
record Handlers(HealthHandler health, InstanceHandler instance, AuthHandler auth, ProfileHandler profiles,
                TweetHandler tweets, ReplyHandler replies, ActivityHandler activity, ExploreHandler explore,
                BackupHandler backup, AuthPages authPages, TweetPages tweetPages,
                ProfilePages profilePages, ReplyPages replyPages,
                ExplorePages explorePages, SettingsPages settingsPages,
                ActivityPages activityPages, Assets assets, BlockHandler blocks,
                ModerationHandler moderation, AdminOpsHandler adminOps, BlockPages blockPages,
                ModerationPages moderationPages, MediaHandler media,
                NotificationHandler notifications, TagHandler tags,
                StreamHandler stream, NotificationPages notificationPages, TagPages tagPages) {
}
