package dev.raven.explore;

import dev.raven.profile.ProfileBrief;
import dev.raven.profile.ProfileBriefs;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finding people: the most followed, suggestions from the people one follows, and search.
 * Each answers at most {@code limit} ProfileBriefs, best first, in at most four statements.
 */
public final class ProfileDiscovery {
    /** who_to_follow looks at the follows of this many of the viewer's most recent follows. */
    static final int SUGGESTION_SOURCES = 1000;

    private final Jdbi jdbi;

    public ProfileDiscovery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** most_popular: by followers, not the viewer, not already followed. */
    List<ProfileBrief> mostPopular(long viewerUserId, int limit) {
        return jdbi.withHandle(h -> ProfileBriefs.load(h, viewerUserId,
                h.attach(DiscoveryDao.class).mostPopular(viewerUserId, limit)));
    }

    /**
     * who_to_follow: profiles followed by the people the viewer follows, ranked by how many
     * of them follow each; when those are fewer than {@code limit} (the viewer follows nobody,
     * or nobody new), the rest of the list is the most followed profiles not yet in it.
     */
    public List<ProfileBrief> whoToFollow(long viewerUserId, int limit) {
        return jdbi.withHandle(h -> {
            DiscoveryDao dao = h.attach(DiscoveryDao.class);
            Set<Long> ids = new LinkedHashSet<>(dao.followedByFollowed(viewerUserId, SUGGESTION_SOURCES, limit));
            if (ids.size() < limit) {
                // Enough rows that, after dropping those already suggested, the list can be full.
                for (Long id : dao.mostPopular(viewerUserId, limit + ids.size())) {
                    if (ids.size() == limit) {
                        break;
                    }
                    ids.add(id);
                }
            }
            return ProfileBriefs.load(h, viewerUserId, new ArrayList<>(ids));
        });
    }

    /** search: see {@link SearchTerm}; exact matches first, then prefixes, then the rest. */
    List<ProfileBrief> search(long viewerUserId, SearchTerm term, int limit) {
        return jdbi.withHandle(h -> {
            DiscoveryDao dao = h.attach(DiscoveryDao.class);
            List<Long> ids = term.usernamesOnly()
                    ? dao.searchUsernames(viewerUserId, term.exact(), term.prefixPattern(), term.containsPattern(), limit)
                    : dao.searchNames(viewerUserId, term.exact(), term.prefixPattern(), term.containsPattern(), limit);
            return ProfileBriefs.load(h, viewerUserId, ids);
        });
    }
}
