package dev.raven.auth;

import dev.raven.config.RateLimitSettings;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.media.MediaLibrary;
import dev.raven.media.MultipartForm;
import dev.raven.profile.Profile;
import dev.raven.profile.Profiles;
import dev.raven.ratelimit.Decision;
import dev.raven.ratelimit.LimitRule;
import dev.raven.ratelimit.RateLimiter;
import dev.raven.web.Form;
import dev.raven.web.Pages;
import dev.raven.web.WebCookie;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings page: profile fields (Profiles.edit), username / email / theme and password
 * (Accounts.edit), log out everywhere and account deletion (asks for the password). Each
 * section is its own form; a failure shows the page again with that form as typed.
 */
public final class SettingsPages {
    private static final Map<String, String> PROFILE_FIELDS = Map.of();

    private final Accounts accounts;
    private final Profiles profiles;
    private final MediaLibrary media;
    private final Paging paging;
    private final WebCookie cookie;
    private final Pages pages;
    private final RateLimiter limiter;
    private final LimitRule loginPerUsername;

    public SettingsPages(Accounts accounts, Profiles profiles, MediaLibrary media, Paging paging, WebCookie cookie,
                         Pages pages, RateLimiter limiter, RateLimitSettings limits) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.media = media;
        this.paging = paging;
        this.cookie = cookie;
        this.pages = pages;
        this.limiter = limiter;
        // Wrong current passwords count as failed logins, as in the API's user/edit.
        this.loginPerUsername = limits.loginPerUsername();
    }

    /** GET /settings (?saved=section after a successful post). */
    public void settings(Context ctx) {
        String saved = ctx.queryParam("saved");
        String notice = saved == null ? null : switch (saved) {
            case "profile" -> "Your profile was saved.";
            case "pictures" -> "Your pictures were saved.";
            case "account" -> "Your account settings were saved.";
            case "password" -> "Your password was changed. Your other sessions have been logged out.";
            default -> null;
        };
        show(ctx, 200, new HashMap<>(), notice);
    }

    /** POST /settings/profile. */
    public void saveProfile(Context ctx) {
        Form form = formOf(ctx, "alias", "bio", "image_url", "background_image_url");
        try {
            profiles.editFields(viewer(ctx).userId(), form.get("alias"), form.get("bio"), form.get("image_url"),
                    form.get("background_image_url"));
        } catch (ApiException e) {
            fail(ctx, "profile", form.errors(e, PROFILE_FIELDS, "alias"), e);
            return;
        }
        Pages.seeOther(ctx, "/settings?saved=profile");
    }

    /**
     * POST /settings/pictures (multipart): a new profile picture and/or banner, each uploaded
     * like POST /api/media/ and then set as image_url / background_image_url.
     */
    public void savePictures(Context ctx) {
        long userId = viewer(ctx).userId();
        Form form = Form.empty();
        try {
            MultipartForm avatar = MultipartForm.read(ctx, "avatar");
            MultipartForm banner = MultipartForm.read(ctx, "banner");
            if (avatar.file() == null && banner.file() == null) {
                throw ApiException.invalid("avatar", "Choose a picture to upload.");
            }
            String origin = paging.origin(ctx);
            String avatarUrl = avatar.file() == null ? null : upload(userId, avatar.file(), "avatar", origin);
            String bannerUrl = banner.file() == null ? null : upload(userId, banner.file(), "banner", origin);
            profiles.editFields(userId, null, null, avatarUrl, bannerUrl);
        } catch (ApiException e) {
            fail(ctx, "pictures", form.errors(e, Map.of("image_url", "avatar", "background_image_url", "banner",
                    "file", "avatar"), "avatar"), e);
            return;
        }
        Pages.seeOther(ctx, "/settings?saved=pictures");
    }

    /** One picture of the form; a refusal names the form's field. */
    private String upload(long userId, byte[] bytes, String field, String origin) {
        try {
            return media.upload(userId, bytes, "", origin).url();
        } catch (ApiException e) {
            if (!e.fieldErrors().isEmpty()) {
                throw e;
            }
            throw new ApiException(e.status(), e.code(), e.getMessage(), Map.of(field, List.of(e.getMessage())), e.headers());
        }
    }

    /** POST /settings/account: username, email and theme. */
    public void saveAccount(Context ctx) {
        Form form = formOf(ctx, "username", "email", "mode");
        try {
            accounts.edit(viewer(ctx), new AuthRequests.EditUser(form.get("username"), form.get("email"),
                    form.get("mode"), false, null, null), passwordCheck(ctx));
        } catch (ApiException e) {
            String field = e.code().equals("email_exists") ? "email" : "username";
            fail(ctx, "account", form.errors(e, Map.of(), field), e);
            return;
        }
        Pages.seeOther(ctx, "/settings?saved=account");
    }

    /** POST /settings/password: other sessions end; this browser stays signed in. */
    public void changePassword(Context ctx) {
        Form form = Form.empty();
        Principal principal = viewer(ctx);
        try {
            accounts.edit(principal, new AuthRequests.EditUser(null, null, null, true,
                    ctx.formParam("current_password"), ctx.formParam("new_password")), passwordCheck(ctx));
        } catch (ApiException e) {
            fail(ctx, "password", form.errors(e, Map.of(), "current_password"), e);
            return;
        }
        Pages.seeOther(ctx, "/settings?saved=password");
    }

    /** POST /settings/logout-all: ends every session of the account, this one included. */
    public void logoutEverywhere(Context ctx) {
        accounts.logoutAll(viewer(ctx).userId());
        cookie.clear(ctx);
        Pages.seeOther(ctx, "/");
    }

    /** POST /settings/delete: the account and everything it owns, after the password. */
    public void deleteAccount(Context ctx) {
        try {
            accounts.deleteWithPassword(viewer(ctx), ctx.formParam("password"), passwordCheck(ctx));
        } catch (ApiException e) {
            fail(ctx, "delete", Form.empty().errors(e, Map.of(), "password"), e);
            return;
        }
        cookie.clear(ctx);
        Pages.seeOther(ctx, "/");
    }

    private void show(Context ctx, int status, Map<String, Form> forms, String notice) {
        Principal principal = viewer(ctx);
        AuthResponses.CurrentUser user = accounts.currentUser(principal);
        Profile profile = profiles.viewByUserId(principal.userId(), principal.userId());
        Map<String, Object> params = new HashMap<>();
        forms.putIfAbsent("profile", Form.empty().value("alias", profile.alias()).value("bio", profile.bio())
                .value("image_url", orEmpty(profile.imageUrl()))
                .value("background_image_url", orEmpty(profile.backgroundImageUrl())));
        forms.putIfAbsent("account", Form.empty().value("username", user.username()).value("email", user.email())
                .value("mode", user.mode()));
        forms.putIfAbsent("password", Form.empty());
        forms.putIfAbsent("pictures", Form.empty());
        params.put("avatarUrl", orEmpty(profile.imageUrl()));
        params.put("bannerUrl", orEmpty(profile.backgroundImageUrl()));
        forms.putIfAbsent("delete", Form.empty());
        params.putAll(forms);
        params.put("notice", notice == null ? "" : notice);
        pages.render(ctx, status, "auth/settings.jte", pages.page(ctx, "Settings"), params);
    }

    private void fail(Context ctx, String section, Form form, ApiException e) {
        if (e.status() == 429) {
            e.headers().forEach(ctx::header);
        }
        Map<String, Form> forms = new HashMap<>();
        forms.put(section, form);
        int status = e.status() == 409 || e.status() == 429 || e.status() == 403 || e.status() == 413
                || e.status() == 415 || e.status() == 507 ? e.status() : 422;
        show(ctx, status, forms, null);
    }

    private Accounts.PasswordCheck passwordCheck(Context ctx) {
        String userKey = AccountRules.key(viewer(ctx).username());
        return new Accounts.PasswordCheck() {
            @Override
            public void beforeCheck() {
                Decision decision = limiter.peek(loginPerUsername, userKey);
                if (!decision.allowed()) {
                    throw decision.tooManyRequests();
                }
            }

            @Override
            public void failed() {
                limiter.hit(loginPerUsername, userKey);
            }
        };
    }

    private static Form formOf(Context ctx, String... fields) {
        Form form = Form.empty();
        for (String field : fields) {
            form.value(field, orEmpty(ctx.formParam(field)));
        }
        return form;
    }

    private static Principal viewer(Context ctx) {
        return AuthGuard.principal(ctx);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
