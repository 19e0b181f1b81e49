package dev.raven.web;

import dev.raven.http.Paging;
import io.javalin.http.Context;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The pager a page handler hands to a service's list method: cuts the fetched rows (a page
 * and one more) to the page and remembers the cursor of the next page, for the "Load more"
 * link. The JSON handlers put the same cursor in a Link header instead.
 */
public final class KeysetPage<R> implements UnaryOperator<List<R>> {
    /** Pages show fewer items than the API's default, so the first paint stays small. */
    public static final int SIZE = 20;

    private final Paging.PageRequest request;
    private final Function<R, Paging.Cursor> key;
    private String next = "";

    public KeysetPage(Paging.PageRequest request, Function<R, Paging.Cursor> key) {
        this.request = request;
        this.key = key;
    }

    /** The page asked for: ?cursor= (checked as the API checks it), SIZE items. */
    public static Paging.PageRequest request(Paging paging, Context ctx) {
        return new Paging.PageRequest(SIZE, paging.request(ctx).after());
    }

    @Override
    public List<R> apply(List<R> rows) {
        if (rows.size() <= request.limit()) {
            return rows;
        }
        List<R> page = rows.subList(0, request.limit());
        next = key.apply(page.get(page.size() - 1)).encode();
        return page;
    }

    /** The next page's cursor, or "" on the last page. */
    public String next() {
        return next;
    }
}
