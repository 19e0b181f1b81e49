package dev.raven.notify;

/** Which kinds of notification a user wants (all, unless they turned some off). */
public record Settings(boolean likes, boolean retweets, boolean replies, boolean follows, boolean mentions) {
    public static final Settings ALL = new Settings(true, true, true, true, true);

    boolean wants(Kind kind) {
        return switch (kind.setting) {
            case "likes" -> likes;
            case "retweets" -> retweets;
            case "replies" -> replies;
            case "follows" -> follows;
            default -> mentions;
        };
    }

    /** PUT settings/: the fields sent replace these; absent ones stay. */
    record Change(Boolean likes, Boolean retweets, Boolean replies, Boolean follows, Boolean mentions) {
        Settings applyTo(Settings s) {
            return new Settings(or(likes, s.likes), or(retweets, s.retweets), or(replies, s.replies),
                    or(follows, s.follows), or(mentions, s.mentions));
        }

        private static boolean or(Boolean value, boolean current) {
            return value == null ? current : value;
        }
    }
}
