package dev.raven.profile;

import dev.raven.tweet.TweetSql;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.LocalDate;
import java.util.Optional;

/** Profiles, read as the contract's Profile for a given viewer. */
@RegisterConstructorMapper(Profile.class)
public interface ProfileDao {
    /** The Profile columns; :viewer decides {@code following} and whether private fields show. */
    String PROFILE_SELECT = "SELECT u.username, p.id, p.user_id, "
            + "CASE WHEN p.user_id = :viewer THEN u.email END AS email, "
            + "p.alias, p.bio, p.likes_count AS number_of_likes, p.tweets_count AS number_of_tweets, "
            + "p.tweets_and_replies_count AS number_of_tweets_and_replies, p.media_count AS number_of_media, "
            + "CASE WHEN p.user_id = :viewer THEN p.date_of_birth END AS date_of_birth, "
            + "p.image_url, p.background_image_url, u.date_joined, "
            + "EXISTS (SELECT 1 FROM follows vf WHERE vf.follower_id = :viewer AND vf.followed_id = p.user_id) "
            + "AS following, "
            + "p.followers_count AS number_of_followers, p.following_count AS number_of_following, "
            + "EXISTS (SELECT 1 FROM blocks vb WHERE vb.blocker_id = :viewer AND vb.blocked_id = p.user_id) AS blocking, "
            + "EXISTS (SELECT 1 FROM mutes vm WHERE vm.muter_id = :viewer AND vm.muted_id = p.user_id) AS muting "
            + "FROM profiles p JOIN users u ON u.id = p.user_id ";

    @SqlUpdate("INSERT INTO profiles (user_id, alias, bio, date_of_birth, image_url, background_image_url) "
            + "VALUES (:userId, :alias, :bio, :dateOfBirth, :imageUrl, :backgroundImageUrl)")
    @GetGeneratedKeys("id")
    long insert(@Bind("userId") long userId, @Bind("alias") String alias, @Bind("bio") String bio,
                @Bind("dateOfBirth") LocalDate dateOfBirth, @Bind("imageUrl") String imageUrl,
                @Bind("backgroundImageUrl") String backgroundImageUrl);

    @SqlQuery(PROFILE_SELECT + "WHERE p.user_id = :userId AND " + TweetSql.USER_SEEN)
    Optional<Profile> findByUserId(@Bind("userId") long userId, @Bind("viewer") long viewerUserId);

    @SqlQuery(PROFILE_SELECT + "WHERE p.id = :id AND " + TweetSql.USER_SEEN)
    Optional<Profile> findById(@Bind("id") long profileId, @Bind("viewer") long viewerUserId);

    /** The user a profile belongs to, if the profile exists. */
    @SqlQuery("SELECT user_id FROM profiles WHERE id = :id")
    Optional<Long> userIdOf(@Bind("id") long profileId);

    /** The user a profile belongs to, if the viewer may see that profile ({@link TweetSql#USER_SEEN}). */
    @SqlQuery("SELECT p.user_id FROM profiles p JOIN users u ON u.id = p.user_id WHERE p.id = :id AND "
            + TweetSql.USER_SEEN)
    Optional<Long> seenUserIdOf(@Bind("id") long profileId, @Bind("viewer") long viewerUserId);

    @SqlUpdate("UPDATE profiles SET alias = :alias, bio = :bio, image_url = :imageUrl, "
            + "background_image_url = :backgroundImageUrl WHERE user_id = :userId")
    int updateEditable(@Bind("userId") long userId, @Bind("alias") String alias, @Bind("bio") String bio,
                       @Bind("imageUrl") String imageUrl, @Bind("backgroundImageUrl") String backgroundImageUrl);

    /** Row-locks a profile: toggles that change two profiles' counters lock both, lower user id first. */
    @SqlQuery("SELECT id FROM profiles WHERE user_id = :userId FOR UPDATE")
    Optional<Long> lock(@Bind("userId") long userId);
}
