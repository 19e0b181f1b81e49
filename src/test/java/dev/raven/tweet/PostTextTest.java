package dev.raven.tweet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading mentions and hashtags: examples, and the faster patterns against the first ones on random text. */
class PostTextTest {
    /** The patterns as first written (look-behind first): the reference for the rewritten ones. */
    private static final Pattern OLD_MENTION = Pattern.compile("(?<![A-Za-z0-9_@.])@([A-Za-z0-9_]{1,30})(?![A-Za-z0-9_@])");
    private static final String TAG_CHAR = "\\p{L}\\p{M}\\p{N}_";
    private static final Pattern OLD_TAG = Pattern.compile(
            "(?<![" + TAG_CHAR + "&#])#([" + TAG_CHAR + "]{1,100})(?![" + TAG_CHAR + "#])");

    @Test
    void examples() {
        assertEquals(List.of("rust", "café", "日本"), PostText.tags("#Rust and #café, #日本 #rust"));
        assertEquals(List.of(), PostText.tags("a#b &#39; ##x #tag#more no tags"));
        assertEquals(List.of("ann", "bob_2"), PostText.mentionKeys("@Ann hi @bob_2! mail@host.com .@x @@y @ann"));
        assertEquals(List.of(), PostText.mentionKeys(null));
        assertEquals(List.of(), PostText.tags(""));
    }

    @Test
    void theRewrittenPatternsFindWhatTheFirstOnesFound() {
        String alphabet = "aZ0_@#&. é\u0301日-";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertEquals(oldFind(OLD_TAG, s, true), PostText.tags(s), s);
            assertEquals(oldFind(OLD_MENTION, s, false), PostText.mentionKeys(s), s);
            assertEquals(String.join("", PostText.pieces(s).stream().map(PostText.Piece::text).toList()), s, s);
        }
    }

    private static List<String> oldFind(Pattern pattern, String content, boolean tags) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(content);
        while (m.find() && found.size() < PostText.MAX_PER_POST) {
            String value = tags ? PostText.normalTag(m.group(1)) : m.group(1).toLowerCase(Locale.ROOT);
            if (value != null) {
                found.add(value);
            }
        }
        return new ArrayList<>(found);
    }
}
