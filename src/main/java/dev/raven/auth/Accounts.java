package dev.raven.auth;

import dev.raven.config.RegistrationMode;
import dev.raven.db.Transactions;
import dev.raven.moderation.InviteDao;
import dev.raven.http.ApiException;
import dev.raven.http.FieldErrors;
import dev.raven.media.MediaLibrary;
import dev.raven.http.Unauthorized;
import dev.raven.profile.Profile;
import dev.raven.profile.ProfileDao;
import dev.raven.profile.ProfileFields;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/** Registration, login and account changes: the rules of the auth section of the contract. */
public final class Accounts {
    static final String BAD_CREDENTIALS = "No active account found with the given credentials";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    static final int REASON_MAX = 1000;
    static final String INVITE_NOT_VALID = "This invite code is not valid (unknown, used up or expired).";

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final AccountRemoval removal;
    private final MediaLibrary media;
    private final Clock clock;
    private final RegistrationMode mode;

    public Accounts(Jdbi jdbi, PasswordHasher hasher, Sessions sessions, AccountRemoval removal, MediaLibrary media,
                    Clock clock, RegistrationMode mode) {
        this.mode = mode;
        this.media = media;
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.sessions = sessions;
        this.removal = removal;
        this.clock = clock;
    }

    /** The account, signed in; empty when it waits for a moderator's approval (registration.mode=approval). */
    Optional<AuthResponses.AccountWithTokens> register(AuthRequests.Register req, String userAgent, String ip) {
        return register(req, (h, userId) -> {
            Tokens tokens = sessions.start(h, userId, userAgent, ip);
            Profile profile = h.attach(ProfileDao.class).findByUserId(userId, userId).orElseThrow();
            return new AuthResponses.AccountWithTokens(req.email(), req.username(), profile, tokens);
        });
    }

    /** registration.mode, for the sign-up page and GET /api/instance/. */
    public RegistrationMode mode() {
        return mode;
    }

    /**
     * Creates the account, then starts its first session (an API or a browser one) in the
     * same transaction. Under registration.mode=approval no session starts: the account
     * waits for a moderator, and the answer is empty. Under invite, the code's use is spent
     * in the same transaction, so a failed registration spends nothing.
     */
    <T> Optional<T> register(AuthRequests.Register req, BiFunction<Handle, Long, T> startSession) {
        if (mode == RegistrationMode.CLOSED) {
            throw new ApiException(403, "registration_closed", "Registration is closed on this instance.");
        }
        validateRegistration(req);
        String usernameKey = AccountRules.key(req.username());
        String emailKey = AccountRules.key(req.email());
        jdbi.useHandle(h -> checkUnique(h.attach(UserDao.class), usernameKey, emailKey, 0));
        String hash = hasher.hash(req.password()); // slow: outside the transaction
        AuthRequests.ProfileInput p = req.profile();
        try {
            return jdbi.inTransaction(h -> {
                UserDao users = h.attach(UserDao.class);
                long userId = users.insert(req.username(), usernameKey, req.email(), emailKey, hash,
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                h.attach(ProfileDao.class).insert(userId, orEmpty(p.alias()), orEmpty(p.bio()), p.dateOfBirth(),
                        emptyToNull(p.imageUrl()), emptyToNull(p.backgroundImageUrl()));
                if (mode == RegistrationMode.INVITE
                        && h.attach(InviteDao.class).spend(req.inviteCode(), clock.instant()) != 1) {
                    throw ApiException.invalid("invite_code", INVITE_NOT_VALID);
                }
                if (mode == RegistrationMode.APPROVAL) {
                    users.markPending(userId, emptyToNull(req.reason() == null ? null : req.reason().strip()));
                    return Optional.<T>empty();
                }
                return Optional.of(startSession.apply(h, userId));
            });
        } catch (UnableToExecuteStatementException e) {
            // Lost a race with a concurrent registration of the same name or email.
            jdbi.useHandle(h -> checkUnique(h.attach(UserDao.class), usernameKey, emailKey, 0));
            throw e;
        }
    }

    /**
     * The command line's account creation (java -jar raven.jar admin create): registration's
     * rules for username, email and password, whatever registration.mode says; active at once,
     * with the given role. No date of birth is asked. Returns the new user id.
     */
    public long createWithRole(String username, String email, String password, String role) {
        FieldErrors errors = new FieldErrors();
        AccountRules.checkUsername(username, errors);
        AccountRules.checkEmail(email, errors);
        AccountRules.checkPassword("password", password, username, errors);
        errors.throwIfAny();
        String usernameKey = AccountRules.key(username);
        String emailKey = AccountRules.key(email);
        jdbi.useHandle(h -> checkUnique(h.attach(UserDao.class), usernameKey, emailKey, 0));
        String hash = hasher.hash(password);
        return jdbi.inTransaction(h -> {
            long userId = h.attach(UserDao.class).insert(username, usernameKey, email, emailKey, hash,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            h.attach(ProfileDao.class).insert(userId, "", "", null, null, null);
            h.createUpdate("UPDATE users SET role = :role WHERE id = :id").bind("role", role).bind("id", userId)
                    .execute();
            return userId;
        });
    }

    private void validateRegistration(AuthRequests.Register req) {
        FieldErrors errors = new FieldErrors();
        AccountRules.checkUsername(req.username(), errors);
        AccountRules.checkEmail(req.email(), errors);
        AccountRules.checkPassword("password", req.password(), req.username(), errors);
        if (req.password2() != null && !req.password2().equals(req.password())) {
            errors.add("password2", "Passwords do not match.");
        }
        if (req.reason() != null && req.reason().codePointCount(0, req.reason().length()) > REASON_MAX) {
            errors.add("reason", "At most " + REASON_MAX + " characters.");
        }
        if (mode == RegistrationMode.INVITE && (req.inviteCode() == null || req.inviteCode().isBlank())) {
            errors.add("invite_code", "An invite code is needed to register on this instance.");
        } else if (mode == RegistrationMode.INVITE && req.inviteCode().length() > 64) {
            errors.add("invite_code", INVITE_NOT_VALID);
        }
        AuthRequests.ProfileInput p = req.profile();
        if (p == null) {
            errors.add("profile", "This field is required.");
        } else {
            checkBirthDate(p.dateOfBirth(), errors);
            ProfileFields.checkAlias(p.alias(), errors, "profile.alias");
            ProfileFields.checkBio(p.bio(), errors, "profile.bio");
            ProfileFields.checkUrl(p.imageUrl(), errors, "profile.image_url");
            ProfileFields.checkUrl(p.backgroundImageUrl(), errors, "profile.background_image_url");
            // A new account has no uploads yet: with media.allow.external.urls=false, no picture URL at all.
            if (!media.settings().allowExternalUrls()) {
                noPictureYet(p.imageUrl(), errors, "profile.image_url");
                noPictureYet(p.backgroundImageUrl(), errors, "profile.background_image_url");
            }
        }
        errors.throwIfAny();
    }

    private static void noPictureYet(String url, FieldErrors errors, String field) {
        if (url != null && !url.isEmpty() && !errors.has(field)) {
            errors.add(field, "This instance only takes its own pictures: register first, then upload one.");
        }
    }

    private void checkBirthDate(LocalDate date, FieldErrors errors) {
        String field = "profile.date_of_birth";
        if (date == null) {
            errors.add(field, "This field is required.");
        } else if (!date.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            errors.add(field, "Date of birth must be in the past.");
        } else if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(field, "Date of birth must be after 1900-01-01.");
        }
    }

    private static void checkUnique(UserDao users, String usernameKey, String emailKey, long exceptUserId) {
        if (usernameKey != null && users.usernameTaken(usernameKey, exceptUserId)) {
            throw ApiException.conflict("username_exists", "Username already exists");
        }
        if (emailKey != null && users.emailTaken(emailKey, exceptUserId)) {
            throw ApiException.conflict("email_exists", "Email already exists");
        }
    }

    /**
     * Checks a username and password; the same work and answer whether or not the user exists.
     * Only the right password learns that the account waits for approval or is suspended:
     * a 403 {@code awaiting_approval} / {@code suspended}.
     */
    Optional<UserRow> authenticate(String username, String password) {
        Optional<UserRow> user = jdbi.withExtension(UserDao.class, d -> d.findByUsernameKey(AccountRules.key(username)));
        if (user.isEmpty()) {
            hasher.verifyDummy(password);
            return Optional.empty();
        }
        boolean matches = hasher.verify(password, user.get().passwordHash());
        if (!matches) {
            return Optional.empty();
        }
        if (UserRow.PENDING.equals(user.get().status())) {
            throw new ApiException(403, "awaiting_approval",
                    "This account is waiting for a moderator's approval.");
        }
        if (UserRow.SUSPENDED.equals(user.get().status())) {
            throw new ApiException(403, "suspended", "This account has been suspended.");
        }
        return user.get().isActive() ? user : Optional.empty();
    }

    void logoutAll(long userId) {
        jdbi.useTransaction(h -> sessions.logoutAll(h, userId, "logout_all"));
    }

    Tokens startSession(long userId, String userAgent, String ip) {
        return jdbi.inTransaction(h -> sessions.start(h, userId, userAgent, ip));
    }

    AuthResponses.CurrentUser currentUser(Principal principal) {
        return jdbi.withHandle(h -> AuthResponses.CurrentUser.find(h, principal.userId()))
                .orElseThrow(Unauthorized::userNotFound);
    }

    /** Changes username, email, mode and/or password; returns the new settings, or tokens after a password change. */
    Object edit(Principal principal, AuthRequests.EditUser req, PasswordCheck passwordCheck) {
        FieldErrors errors = new FieldErrors();
        if (req.username() != null) {
            AccountRules.checkUsername(req.username(), errors);
        }
        if (req.email() != null) {
            AccountRules.checkEmail(req.email(), errors);
        }
        if (req.mode() != null) {
            AccountRules.checkMode(req.mode(), errors);
        }
        boolean changePassword = Boolean.TRUE.equals(req.updatePassword());
        if (changePassword) {
            if (req.currentPassword() == null || req.currentPassword().isEmpty()) {
                errors.add("current_password", "This field is required.");
            }
            String username = req.username() != null ? req.username() : principal.username();
            AccountRules.checkPassword("new_password", req.newPassword(), username, errors);
        } else if (req.newPassword() != null) {
            errors.add("update_password", "Set update_password to true to change the password.");
        }
        errors.throwIfAny();

        UserRow user = jdbi.withExtension(UserDao.class, d -> d.findById(principal.userId()))
                .orElseThrow(Unauthorized::userNotFound);
        String newHash = null;
        if (changePassword) {
            passwordCheck.beforeCheck();
            if (!hasher.verify(req.currentPassword(), user.passwordHash())) {
                passwordCheck.failed();
                throw new ApiException(403, "wrong_password", "Wrong password");
            }
            newHash = hasher.hash(req.newPassword());
        }
        String finalHash = newHash;
        try {
            return jdbi.inTransaction(h -> applyEdit(h, principal, user, req, finalHash));
        } catch (UnableToExecuteStatementException e) {
            jdbi.useHandle(h -> checkUnique(h.attach(UserDao.class), keyOrNull(req.username()),
                    keyOrNull(req.email()), principal.userId()));
            throw e;
        }
    }

    private Object applyEdit(Handle h, Principal principal, UserRow user, AuthRequests.EditUser req, String newHash) {
        UserDao users = h.attach(UserDao.class);
        checkUnique(users, keyOrNull(req.username()), keyOrNull(req.email()), user.id());
        String username = Objects.requireNonNullElse(req.username(), user.username());
        String email = Objects.requireNonNullElse(req.email(), user.email());
        String mode = Objects.requireNonNullElse(req.mode(), user.mode());
        users.updateAccount(user.id(), username, AccountRules.key(username), email, AccountRules.key(email), mode);
        if (newHash == null) {
            return new AuthResponses.AccountSettings(username, email, mode);
        }
        users.updatePassword(user.id(), newHash);
        Tokens tokens = sessions.keepOnly(h, principal, "password_change");
        Profile profile = h.attach(ProfileDao.class).findByUserId(user.id(), user.id()).orElseThrow();
        return new AuthResponses.AccountWithTokens(email, username, profile, tokens);
    }

    /** Deletes the account and everything it owns; the refresh token proves a live login. */
    void delete(Principal principal, String refreshToken) {
        // Retried on deadlock: the removal touches many rows that concurrent toggles lock too.
        Transactions.useTransaction(jdbi, h -> {
            sessions.liveSessionOf(h, principal.userId(), refreshToken);
            removal.remove(h, principal.userId());
        });
    }

    /** Deletes the account after checking its password (the web's confirmation; the API's is a refresh token). */
    void deleteWithPassword(Principal principal, String password, PasswordCheck passwordCheck) {
        UserRow user = jdbi.withExtension(UserDao.class, d -> d.findById(principal.userId()))
                .orElseThrow(Unauthorized::userNotFound);
        passwordCheck.beforeCheck();
        if (password == null || !hasher.verify(password, user.passwordHash())) {
            passwordCheck.failed();
            throw new ApiException(403, "wrong_password", "Wrong password");
        }
        Transactions.useTransaction(jdbi, h -> removal.remove(h, principal.userId()));
    }

    private static String keyOrNull(String s) {
        return s == null ? null : AccountRules.key(s);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Lets the HTTP layer rate-limit guesses of the current password. */
    interface PasswordCheck {
        void beforeCheck();

        void failed();
    }
}
