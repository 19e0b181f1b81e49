package dev.raven.db;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The watchers judge a statement with writes inside WITH by each of its parts. */
class StatementPartsTest {

    @Test
    void aPlainStatementIsItself() {
        String sql = "INSERT INTO tweets (user_id) VALUES (:u)";
        assertEquals(List.of(sql), StatementParts.of(sql));
    }

    @Test
    void writesInsideWithAreEachAPartAndSoIsTheMainStatement() {
        String sql = "WITH posted AS (INSERT INTO tweets (user_id, created_at) VALUES (:u, :now) RETURNING id), "
                + "counted AS (UPDATE profiles SET tweets_count = tweets_count + 1 WHERE user_id = :u RETURNING alias), "
                + "job AS (INSERT INTO timeline_jobs (kind, subject_id) SELECT 'tw(eet', id FROM posted) "
                + "SELECT posted.id, counted.alias FROM posted LEFT JOIN counted ON TRUE";
        assertEquals(List.of(
                "INSERT INTO tweets (user_id, created_at) VALUES (:u, :now) RETURNING id",
                "UPDATE profiles SET tweets_count = tweets_count + 1 WHERE user_id = :u RETURNING alias",
                "INSERT INTO timeline_jobs (kind, subject_id) SELECT 'tw(eet', id FROM posted",
                "SELECT posted.id, counted.alias FROM posted LEFT JOIN counted ON TRUE"), StatementParts.of(sql));
    }

    @Test
    void columnListsMaterializedAndNestedWithAreReadThrough() {
        String sql = "with recursive r (a, b) as materialized (select 1, 2), "
                + "d as (with inner_one as (delete from follows where follower_id = 1 returning 1) select * from inner_one) "
                + "update users set mode = 'x' where id in (select a from r)";
        assertEquals(List.of("select 1, 2", "delete from follows where follower_id = 1 returning 1",
                "select * from inner_one", "update users set mode = 'x' where id in (select a from r)"),
                StatementParts.of(sql));
    }

    @Test
    void textItCannotReadIsJudgedWhole() {
        String sql = "WITH broken AS (INSERT INTO tweets VALUES ('unclosed";
        assertEquals(List.of(sql), StatementParts.of(sql));
    }
}
