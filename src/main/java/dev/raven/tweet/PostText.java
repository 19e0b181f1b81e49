package dev.raven.tweet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of {@code @mentions} and {@code #hashtags} in post text, for tweets and
 * replies alike, when they are stored and when they are shown. A mention is an {@code @}
 * and a username by the account rules ({@code [A-Za-z0-9_]{1,30}}) not inside a word or an
 * address; a hashtag is a {@code #} and Unicode letters, marks, digits or underscores, not
 * inside a word. Both are compared ignoring case. At most {@value #MAX_PER_POST} of each
 * count per post, so a post's cost is bounded.
 */
public final class PostText {
    public static final int MAX_PER_POST = 20;
    /** The longest tag stored (the column's size); longer ones are not tags. */
    public static final int MAX_TAG_LENGTH = 100;

    // Each pattern starts with its literal '@' or '#' and looks behind it only there: a look-behind
    // first would be tried at every position of every post shown (a third of a timeline page's CPU).
    private static final Pattern MENTION = Pattern.compile("@(?<![A-Za-z0-9_@.]@)([A-Za-z0-9_]{1,30})(?![A-Za-z0-9_@])");
    private static final String TAG_CHAR = "\\p{L}\\p{M}\\p{N}_";
    private static final Pattern TAG = Pattern.compile(
            "#(?<![" + TAG_CHAR + "&#]#)([" + TAG_CHAR + "]{1," + MAX_TAG_LENGTH + "})(?![" + TAG_CHAR + "#])");
    private static final Pattern TAG_TEXT = Pattern.compile("[" + TAG_CHAR + "]+");
    /** Both, for splitting text into pieces in order. */
    private static final Pattern EITHER = Pattern.compile(MENTION.pattern() + "|" + TAG.pattern());

    private PostText() {
    }

    /** The lower-cased usernames mentioned, first occurrence first, distinct. */
    public static List<String> mentionKeys(String content) {
        if (content == null || content.indexOf('@') < 0) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(content);
        while (m.find() && keys.size() < MAX_PER_POST) {
            keys.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(keys);
    }

    /** The lower-cased hashtags (without '#'), first occurrence first, distinct. */
    public static List<String> tags(String content) {
        if (content == null || content.indexOf('#') < 0) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = TAG.matcher(content);
        while (m.find() && tags.size() < MAX_PER_POST) {
            String tag = normalTag(m.group(1));
            if (tag != null) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    /** A tag as typed in a URL or a post, lower-cased; null if it is not a tag. */
    public static String normalTag(String typed) {
        if (typed == null) {
            return null;
        }
        String raw = typed.startsWith("#") ? typed.substring(1) : typed;
        if (raw.isEmpty() || raw.codePointCount(0, raw.length()) > MAX_TAG_LENGTH
                || !TAG_TEXT.matcher(raw).matches()) {
            return null;
        }
        String tag = raw.toLowerCase(Locale.ROOT);
        return tag.length() <= MAX_TAG_LENGTH ? tag : null;
    }

    /** A piece of post text: plain text, a mention (username) or a hashtag (tag, lower-cased). */
    public record Piece(String text, String username, String tag) {
        public boolean isMention() {
            return username != null;
        }

        public boolean isTag() {
            return tag != null;
        }
    }

    /** The text cut into plain text, mentions and hashtags, in order (for pages that link them). */
    public static List<Piece> pieces(String content) {
        List<Piece> pieces = new ArrayList<>();
        String text = content == null ? "" : content;
        Matcher m = EITHER.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(new Piece(text.substring(at, m.start()), null, null));
            }
            if (m.group(1) != null) {
                pieces.add(new Piece(m.group(), m.group(1), null));
            } else {
                String tag = normalTag(m.group(2));
                pieces.add(new Piece(m.group(), null, tag));
            }
            at = m.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), null, null));
        }
        return pieces;
    }
}
