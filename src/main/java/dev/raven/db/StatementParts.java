package dev.raven.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements a SQL text is made of, for the watchers that judge a text by how it begins:
 * a plain statement is one, and PostgreSQL's {@code WITH a AS (INSERT ...), b AS (UPDATE ...)
 * SELECT ...} is each of its parts ({@code INSERT ...}, {@code UPDATE ...}, {@code SELECT ...}),
 * so a write inside WITH is seen like the same write on its own.
 */
final class StatementParts {
    private StatementParts() {
    }

    static List<String> of(String sql) {
        String text = sql.strip();
        if (!startsWithWord(text, 0, "WITH")) {
            return List.of(sql);
        }
        List<String> parts = new ArrayList<>();
        int from = 4; // after WITH: an entry's name, [columns], AS [[NOT] MATERIALIZED] (its body), then , or the main statement
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = text.indexOf(c, i + 1);
                if (i < 0) {
                    return List.of(sql); // not SQL we wrote: judged whole
                }
            } else if (c == '(') {
                int close = closing(text, i);
                if (close < 0) {
                    return List.of(sql);
                }
                if (endsWithAs(text.substring(from, i))) {
                    parts.addAll(of(text.substring(i + 1, close)));
                    int next = skipSpaces(text, close + 1);
                    if (next < text.length() && text.charAt(next) == ',') {
                        from = next + 1;
                        i = from;
                        continue;
                    }
                    parts.add(text.substring(next).strip()); // the main statement
                    return parts;
                }
                i = close; // a column list
            }
            i++;
        }
        return List.of(sql);
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = text.indexOf(c, i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWithAs(String head) {
        String words = head.strip().toUpperCase(Locale.ROOT);
        return words.endsWith(" AS") || words.endsWith(" MATERIALIZED");
    }

    private static boolean startsWithWord(String text, int at, String word) {
        return text.regionMatches(true, at, word, 0, word.length())
                && (text.length() == at + word.length() || !Character.isLetterOrDigit(text.charAt(at + word.length())));
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
