package dev.raven.profile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The contract's Profile object. {@code id} is the profile id; {@code email} and
 * {@code dateOfBirth} are filled only for the profile's owner. {@code blocking} and
 * {@code muting} (additions to the contract) say whether the viewer blocks / mutes it.
 */
public record Profile(
        String username,
        long id,
        long userId,
        String email,
        String alias,
        String bio,
        long numberOfLikes,
        long numberOfTweets,
        long numberOfTweetsAndReplies,
        long numberOfMedia,
        LocalDate dateOfBirth,
        String imageUrl,
        String backgroundImageUrl,
        Instant dateJoined,
        boolean following,
        long numberOfFollowers,
        long numberOfFollowing,
        boolean blocking,
        boolean muting) {
}
