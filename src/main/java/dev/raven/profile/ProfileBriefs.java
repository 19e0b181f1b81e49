package dev.raven.profile;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a page of user ids into ProfileBriefs, in two statements whatever the page size. */
public final class ProfileBriefs {
    /** How many followers-you-know a brief names. */
    public static final int RELATED_MAX = 3;

    private ProfileBriefs() {
    }

    /** Briefs for these users, in the given order, as seen by the viewer. */
    public static List<ProfileBrief> load(Handle handle, long viewerUserId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        ProfileBriefDao dao = handle.attach(ProfileBriefDao.class);
        Map<Long, ProfileBriefDao.BriefRow> rows = new HashMap<>();
        for (ProfileBriefDao.BriefRow row : dao.briefs(userIds)) {
            rows.put(row.userId(), row);
        }
        Map<Long, List<ProfileBrief.Related>> related = new HashMap<>();
        for (ProfileBriefDao.RelatedRow row : dao.related(viewerUserId, userIds, RELATED_MAX)) {
            related.computeIfAbsent(row.targetId(), k -> new ArrayList<>())
                    .add(new ProfileBrief.Related(row.id(), row.username()));
        }
        List<ProfileBrief> briefs = new ArrayList<>(userIds.size());
        for (Long userId : userIds) {
            ProfileBriefDao.BriefRow row = rows.get(userId);
            if (row != null) {
                briefs.add(new ProfileBrief(row.id(), row.userId(), row.alias(), row.username(),
                        row.numberOfFollowers(), row.imageUrl(), related.getOrDefault(userId, List.of())));
            }
        }
        return briefs;
    }
}
