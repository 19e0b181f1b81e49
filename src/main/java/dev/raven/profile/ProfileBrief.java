package dev.raven.profile;

import java.util.List;

/**
 * The contract's ProfileBrief: a profile in a list. {@code related} = followers of this
 * profile whom the viewer follows (at most {@link ProfileBriefs#RELATED_MAX}).
 */
public record ProfileBrief(long id, long userId, String alias, String username, long numberOfFollowers,
                           String imageUrl, List<Related> related) {

    /** One follower the viewer knows: profile id and username. */
    public record Related(long id, String username) {
    }
}
