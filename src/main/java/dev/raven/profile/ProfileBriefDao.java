package dev.raven.profile;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The rows behind ProfileBrief lists: briefs by user id, and who among a profile's followers the viewer follows. */
@RegisterConstructorMapper(ProfileBriefDao.BriefRow.class)
@RegisterConstructorMapper(ProfileBriefDao.RelatedRow.class)
public interface ProfileBriefDao {

    @SqlQuery("SELECT p.id, p.user_id, p.alias, u.username, p.followers_count AS number_of_followers, p.image_url "
            + "FROM profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id IN (<userIds>)")
    List<BriefRow> briefs(@BindList("userIds") List<Long> userIds);

    /**
     * For each target user, up to :max of its followers whom the viewer follows, the
     * viewer's most recent follows first. One statement for a whole page of targets; each
     * target costs at most one index probe per account the viewer follows.
     */
    @SqlQuery("SELECT x.target_id, x.id, x.username FROM ("
            + "SELECT f.followed_id AS target_id, p.id, u.username, ROW_NUMBER() OVER ("
            + "PARTITION BY f.followed_id ORDER BY vf.created_at DESC, vf.followed_id DESC) AS n "
            + "FROM follows vf "
            + "JOIN follows f ON f.follower_id = vf.followed_id "
            + "JOIN profiles p ON p.user_id = vf.followed_id JOIN users u ON u.id = vf.followed_id "
            + "WHERE vf.follower_id = :viewer AND f.followed_id IN (<userIds>)) x "
            + "WHERE x.n <= :max ORDER BY x.target_id, x.n")
    List<RelatedRow> related(@Bind("viewer") long viewerUserId, @BindList("userIds") List<Long> userIds,
                             @Bind("max") int max);

    record BriefRow(long id, long userId, String alias, String username, long numberOfFollowers, String imageUrl) {
    }

    record RelatedRow(long targetId, long id, String username) {
    }
}
