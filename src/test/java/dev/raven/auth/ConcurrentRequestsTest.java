package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Race;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Races a client can start: the same token or name sent several times at once. Never a 500. */
@WithServer("ratelimit.enabled=false")
class ConcurrentRequestsTest {
    private static final int RACERS = 8;

    static TestServer server;
    static Api api;

    /** The statuses of RACERS calls started at once. */
    static List<Integer> race(IntFunction<Api.Res> call) {
        return Race.atOnce(RACERS, call).stream().map(Api.Res::status).toList();
    }

    static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    @Test
    void theSameUsernameRegisteredSeveralTimesAtOnceIsCreatedOnce() {
        String name = Api.uniqueName("Rush");

        List<Integer> statuses = race(i -> {
            Map<String, Object> body = Api.registration(name, TestUser.PASSWORD);
            body.put("email", "rush" + i + "_" + name.toLowerCase() + "@example.org");
            return api.post(Auth.REGISTER, body, null);
        });

        assertEquals(1, count(statuses, 201), statuses.toString());
        assertEquals(RACERS - 1, count(statuses, 409), statuses.toString());
    }

    @Test
    void theSameEmailRegisteredSeveralTimesAtOnceIsCreatedOnce() {
        String email = Api.uniqueName("shared").toLowerCase() + "@example.org";

        List<Integer> statuses = race(i -> {
            Map<String, Object> body = Api.registration(Api.uniqueName("Mail"), TestUser.PASSWORD);
            body.put("email", email);
            return api.post(Auth.REGISTER, body, null);
        });

        assertEquals(1, count(statuses, 201), statuses.toString());
        assertEquals(RACERS - 1, count(statuses, 409), statuses.toString());
    }

    @Test
    void severalUsersRenamingThemselvesToOneNameAtOnceLeaveOneOwner() {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            users.add(api.register(Api.uniqueName("Renamer")));
        }
        String name = Api.uniqueName("Wanted");

        List<Integer> statuses = race(i -> api.put(Auth.EDIT, Map.of("username", name), users.get(i).access()));

        assertEquals(1, count(statuses, 202), statuses.toString());
        assertEquals(RACERS - 1, count(statuses, 409), statuses.toString());
    }
}
