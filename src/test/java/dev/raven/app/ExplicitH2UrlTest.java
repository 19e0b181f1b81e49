package dev.raven.app;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An H2 database named by db.url (not the embedded default) is served like the embedded one:
 * the shared write counter is a PostgreSQL sequence, and reading it on H2 made every
 * authenticated request a 500.
 */
class ExplicitH2UrlTest {

    @Test
    void authenticatedRequestsPostsAndTimelinesWork() {
        String url = "jdbc:h2:mem:explicit_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (TestServer server = TestServer.start(Map.of("db.url", url))) {
            Api api = server.api();
            Social social = new Social(api);
            TestUser reader = social.user("reader");
            TestUser author = social.user("author");
            social.follow(reader, author);
            long tweet = social.tweet(author, "on an H2 URL");

            Api.Res me = api.get(Auth.CURRENT_USER, reader.access());
            assertEquals(202, me.status(), me.body()); // the contract says 202
            Api.Res timeline = api.get("/api/tweets/tweets_list/", reader.access());
            assertEquals(200, timeline.status(), timeline.body());
            assertEquals(List.of(tweet), Social.tweetIds(timeline));
            assertEquals(200, api.get("/api/tweets/get_tweet/" + tweet + "/", reader.access()).status());
        }
    }
}
