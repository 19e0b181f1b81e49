package dev.raven.app;

import io.javalin.config.RoutesConfig;

import static dev.raven.app.Access.OPERATOR;
import static dev.raven.app.Access.PAGE;
import static dev.raven.app.Access.PUBLIC;
import static dev.raven.app.Access.SIGNED_IN_PAGE;
import static dev.raven.app.Access.STREAM;
import static dev.raven.app.Access.USER;
import static dev.raven.app.Uploads.PICTURE;
import static dev.raven.app.Writes.NONE;
import static dev.raven.app.Writes.SESSION;

/**
 * The whole HTTP surface in one place; it reads like the API contract's table of contents.
 * Paths are written without the trailing slash, which the router ignores. Every POST, PUT
 * and DELETE is a change that a disk low on space refuses, unless marked with {@link Writes}.
 */
final class Routes {
    private Routes() {
    }

    static void register(RoutesConfig routes, Handlers h) {
        routes.get("/health", h.health()::health, PUBLIC);
        routes.get("/api/instance", h.instance()::instance, PUBLIC);

        // auth: /api/auth/
        routes.post("/api/auth/obtain_token", h.auth()::obtainToken, PUBLIC, SESSION);
        routes.post("/api/auth/refresh_token", h.auth()::refreshToken, PUBLIC, SESSION);
        routes.post("/api/auth/user/register", h.auth()::register, PUBLIC);
        routes.get("/api/auth/user/current_user", h.auth()::currentUser, USER);
        routes.post("/api/auth/user/logout", h.auth()::logout, USER, SESSION);
        routes.post("/api/auth/user/logout_all", h.auth()::logoutAll, USER, SESSION);
        routes.put("/api/auth/user/edit", h.auth()::edit, USER);
        routes.delete("/api/auth/user/delete", h.auth()::delete, USER);

        // profiles: /api/profiles/
        routes.get("/api/profiles/view_profile/{id}", h.profiles()::view, USER);
        routes.put("/api/profiles/edit", h.profiles()::edit, USER);
        routes.put("/api/profiles/follow_status/{id}", h.profiles()::toggleFollow, USER);
        routes.get("/api/profiles/get_followers/{id}", h.profiles()::followers, USER);
        routes.get("/api/profiles/get_following/{id}", h.profiles()::following, USER);
        routes.get("/api/profiles/most_popular", h.explore()::mostPopular, USER);
        routes.get("/api/profiles/who_to_follow", h.explore()::whoToFollow, USER);
        routes.post("/api/profiles/search", h.explore()::search, USER, NONE);

        // tweets: /api/tweets/
        routes.post("/api/tweets/tweets_list", h.tweets()::create, USER);
        routes.get("/api/tweets/tweets_list", h.tweets()::homeTimeline, USER);
        routes.get("/api/tweets/get_tweet/{id}", h.tweets()::get, USER);
        routes.get("/api/tweets/get_tweets/{id}", h.tweets()::byUser, USER);
        routes.put("/api/tweets/manage_tweet/{id}", h.tweets()::edit, USER);
        routes.delete("/api/tweets/manage_tweet/{id}", h.tweets()::delete, USER);
        routes.put("/api/tweets/saved_tweets_list/{id}", h.tweets()::toggleSave, USER);
        routes.get("/api/tweets/get_saved_tweets", h.tweets()::saved, USER);
        routes.put("/api/tweets/liked_tweets_list/{id}", h.tweets()::toggleLike, USER);
        routes.get("/api/tweets/get_liked/{id}", h.activity()::liked, USER);
        routes.get("/api/tweets/get_tweet_like_list/{id}", h.tweets()::likers, USER);
        routes.post("/api/tweets/retweet_list/{id}", h.tweets()::retweet, USER);
        routes.delete("/api/tweets/retweet_list/{id}", h.tweets()::unretweet, USER);
        routes.get("/api/tweets/retweet_list/{id}", h.tweets()::retweeters, USER);
        routes.get("/api/tweets/get_user_media/{id}", h.activity()::media, USER);
        routes.get("/api/tweets/get_top", h.explore()::top, USER);
        routes.get("/api/tweets/get_latest", h.explore()::latest, USER);
        routes.get("/api/tweets/get_explore_media", h.explore()::media, USER);

        // replies: /api/tweets/replies/
        routes.post("/api/tweets/replies/replies_list/{id}", h.replies()::create, USER);
        routes.get("/api/tweets/replies/replies_list/{id}", h.replies()::ofTweet, USER);
        routes.get("/api/tweets/replies/get_user_tweets_and_replies/{id}", h.activity()::tweetsAndReplies, USER);
        routes.get("/api/tweets/replies/get_user_replies/{id}", h.activity()::replies, USER);
        routes.delete("/api/tweets/replies/delete/{id}", h.replies()::delete, USER);
        routes.put("/api/tweets/replies/liked_replies_list/{id}", h.replies()::toggleLike, USER);
        routes.get("/api/tweets/replies/get_reply_like_list/{id}", h.replies()::likers, USER);

        // blocks and mutes: /api/profiles/ (ids are user ids, as in view_profile)
        routes.post("/api/profiles/block/{id}", h.blocks()::block, USER);
        routes.delete("/api/profiles/block/{id}", h.blocks()::unblock, USER);
        routes.get("/api/profiles/blocks", h.blocks()::blocked, USER);
        routes.post("/api/profiles/mute/{id}", h.blocks()::mute, USER);
        routes.delete("/api/profiles/mute/{id}", h.blocks()::unmute, USER);
        routes.get("/api/profiles/mutes", h.blocks()::muted, USER);

        // moderation: /api/moderation/ (reporting is for every user; the rest for moderators, the
        // roles and the log for admins: the handlers check the role, read from the database)
        routes.post("/api/moderation/report", h.moderation()::report, USER);
        routes.get("/api/moderation/reports", h.moderation()::reports, USER);
        routes.get("/api/moderation/reports/{id}", h.moderation()::reportById, USER);
        routes.post("/api/moderation/reports/{id}/resolve", h.moderation()::resolve, USER);
        routes.delete("/api/moderation/tweets/{id}", h.moderation()::deleteTweet, USER);
        routes.delete("/api/moderation/replies/{id}", h.moderation()::deleteReply, USER);
        routes.get("/api/moderation/users/{id}", h.moderation()::user, USER);
        routes.post("/api/moderation/users/{id}/suspend", h.moderation()::suspend, USER);
        routes.post("/api/moderation/users/{id}/unsuspend", h.moderation()::unsuspend, USER);
        routes.post("/api/moderation/users/{id}/silence", h.moderation()::silence, USER);
        routes.post("/api/moderation/users/{id}/unsilence", h.moderation()::unsilence, USER);
        routes.put("/api/moderation/users/{id}/role", h.moderation()::setRole, USER);
        routes.get("/api/moderation/pending", h.moderation()::pending, USER);
        routes.post("/api/moderation/pending/{id}/approve", h.moderation()::approve, USER);
        routes.post("/api/moderation/pending/{id}/reject", h.moderation()::reject, USER);
        routes.get("/api/moderation/log", h.moderation()::log, USER);

        // invites: /api/invites/ (registration.mode=invite)
        routes.post("/api/invites", h.moderation()::createInvite, USER);
        routes.get("/api/invites", h.moderation()::listInvites, USER);
        routes.delete("/api/invites/{id}", h.moderation()::deleteInvite, USER);

        // media: pictures stored by the instance (docs/API-NOTES.md). Serving is public: a
        // followers-only tweet's pictures check the viewer (token or cookie) in the handler.
        routes.post("/api/media", h.media()::upload, USER, PICTURE);
        routes.get("/media/{name}", h.media()::serve, PUBLIC);

        // notifications, hashtags, live updates: /api/notifications/, /api/tags/, /api/stream/
        routes.get("/api/notifications", h.notifications()::list, USER);
        routes.get("/api/notifications/unread_count", h.notifications()::unreadCount, USER);
        routes.post("/api/notifications/read", h.notifications()::markRead, USER);
        routes.get("/api/notifications/settings", h.notifications()::settings, USER);
        routes.put("/api/notifications/settings", h.notifications()::changeSettings, USER);
        routes.get("/api/tags/{tag}", h.tags()::tweets, USER);
        routes.get("/api/tweets/get_trending_tags", h.tags()::trending, USER);
        routes.get("/api/stream", h.stream()::stream, STREAM);

        // web app (docs/WEB.md): HTML pages on the same services; cookie sessions, CSRF on every post
        routes.get("/assets/{file}", h.assets()::serve, PUBLIC);
        routes.get("/", h.tweetPages()::home, PAGE);
        routes.get("/login", h.authPages()::loginPage, PAGE);
        routes.post("/login", h.authPages()::login, PAGE, SESSION);
        routes.get("/signup", h.authPages()::signupPage, PAGE);
        routes.post("/signup", h.authPages()::signup, PAGE);
        routes.post("/logout", h.authPages()::logout, SIGNED_IN_PAGE, SESSION);
        routes.post("/tweets", h.tweetPages()::create, SIGNED_IN_PAGE, PICTURE);
        routes.get("/tweets/{id}/likes", h.tweetPages()::likers, SIGNED_IN_PAGE);
        routes.get("/tweets/{id}/retweets", h.tweetPages()::retweeters, SIGNED_IN_PAGE);
        routes.get("/tweets/{id}/edit", h.tweetPages()::editPage, SIGNED_IN_PAGE);
        routes.post("/tweets/{id}/edit", h.tweetPages()::edit, SIGNED_IN_PAGE);
        routes.get("/tweets/{id}/delete", h.tweetPages()::deletePage, SIGNED_IN_PAGE);
        routes.post("/tweets/{id}/delete", h.tweetPages()::delete, SIGNED_IN_PAGE);
        routes.post("/tweets/{id}/like", h.tweetPages()::toggleLike, SIGNED_IN_PAGE);
        routes.post("/tweets/{id}/retweet", h.tweetPages()::toggleRetweet, SIGNED_IN_PAGE);
        routes.post("/tweets/{id}/save", h.tweetPages()::toggleSave, SIGNED_IN_PAGE);
        routes.get("/tweets/{id}", h.replyPages()::tweetPage, SIGNED_IN_PAGE);
        routes.post("/tweets/{id}/replies", h.replyPages()::reply, SIGNED_IN_PAGE, PICTURE);
        routes.post("/replies/{id}/like", h.replyPages()::toggleLike, SIGNED_IN_PAGE);
        routes.get("/replies/{id}/delete", h.replyPages()::deletePage, SIGNED_IN_PAGE);
        routes.post("/replies/{id}/delete", h.replyPages()::delete, SIGNED_IN_PAGE);
        routes.get("/users/{id}", h.profilePages()::profile, SIGNED_IN_PAGE);
        routes.post("/users/{id}/follow", h.profilePages()::toggleFollow, SIGNED_IN_PAGE);
        routes.get("/users/{id}/followers", h.profilePages()::followers, SIGNED_IN_PAGE);
        routes.get("/users/{id}/following", h.profilePages()::following, SIGNED_IN_PAGE);
        routes.get("/users/{id}/with_replies", h.activityPages()::tweetsAndReplies, SIGNED_IN_PAGE);
        routes.get("/users/{id}/media", h.activityPages()::media, SIGNED_IN_PAGE);
        routes.get("/users/{id}/likes", h.activityPages()::likes, SIGNED_IN_PAGE);
        routes.get("/bookmarks", h.tweetPages()::bookmarks, SIGNED_IN_PAGE);
        routes.get("/notifications", h.notificationPages()::list, SIGNED_IN_PAGE);
        routes.post("/notifications/read", h.notificationPages()::markRead, SIGNED_IN_PAGE);
        routes.post("/notifications/settings", h.notificationPages()::saveSettings, SIGNED_IN_PAGE);
        routes.get("/tags/{tag}", h.tagPages()::tag, SIGNED_IN_PAGE);
        routes.get("/explore", h.explorePages()::explore, SIGNED_IN_PAGE);
        routes.get("/search", h.explorePages()::search, SIGNED_IN_PAGE);
        routes.get("/settings", h.settingsPages()::settings, SIGNED_IN_PAGE);
        routes.post("/settings/profile", h.settingsPages()::saveProfile, SIGNED_IN_PAGE);
        routes.post("/settings/pictures", h.settingsPages()::savePictures, SIGNED_IN_PAGE, PICTURE);
        routes.post("/settings/account", h.settingsPages()::saveAccount, SIGNED_IN_PAGE);
        routes.post("/settings/password", h.settingsPages()::changePassword, SIGNED_IN_PAGE);
        routes.post("/settings/logout-all", h.settingsPages()::logoutEverywhere, SIGNED_IN_PAGE, SESSION);
        routes.post("/settings/delete", h.settingsPages()::deleteAccount, SIGNED_IN_PAGE);

        // web: blocks, mutes, reports, invites and the moderation section (moderators; the log: admins)
        routes.post("/users/{id}/block", h.blockPages()::toggleBlock, SIGNED_IN_PAGE);
        routes.post("/users/{id}/mute", h.blockPages()::toggleMute, SIGNED_IN_PAGE);
        routes.get("/settings/blocked", h.blockPages()::blockedPage, SIGNED_IN_PAGE);
        routes.get("/report", h.moderationPages()::reportPage, SIGNED_IN_PAGE);
        routes.post("/report", h.moderationPages()::report, SIGNED_IN_PAGE);
        routes.get("/invites", h.moderationPages()::invitesPage, SIGNED_IN_PAGE);
        routes.post("/invites", h.moderationPages()::createInvite, SIGNED_IN_PAGE);
        routes.post("/invites/{id}/delete", h.moderationPages()::deleteInvite, SIGNED_IN_PAGE);
        routes.get("/moderation", h.moderationPages()::queue, SIGNED_IN_PAGE);
        routes.post("/moderation/reports/{id}/resolve", h.moderationPages()::resolve, SIGNED_IN_PAGE);
        routes.get("/moderation/pending", h.moderationPages()::pending, SIGNED_IN_PAGE);
        routes.post("/moderation/pending/{id}/approve", h.moderationPages()::approve, SIGNED_IN_PAGE);
        routes.post("/moderation/pending/{id}/reject", h.moderationPages()::reject, SIGNED_IN_PAGE);
        routes.get("/moderation/log", h.moderationPages()::log, SIGNED_IN_PAGE);

        // operations: local tools only (java -jar raven.jar backup); never proxy /internal/
        routes.post("/internal/backup", h.backup()::backup, OPERATOR);
        routes.post("/internal/admin/create", h.adminOps()::create, OPERATOR);
        routes.post("/internal/admin/role", h.adminOps()::role, OPERATOR);
    }
}
