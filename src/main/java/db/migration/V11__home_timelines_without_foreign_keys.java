package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops home_timelines' two foreign keys (to users and tweets). A fan-out writes about as many
 * rows as the author has followers, and on PostgreSQL each row's two key checks (a trigger
 * each, locking the parent row) cost a third of the insert. Nothing needs them: a page checks
 * every row against the live tables, and the rows of a deleted tweet or account are deleted
 * by the code that deletes it (TweetRemoval, FanOut.accountRemoving) instead of by the cascade.
 * Java, not SQL: H2 named the constraints itself, so their names are looked up.
 */
public class V11__home_timelines_without_foreign_keys extends BaseJavaMigration {
    private static final String FOREIGN_KEYS = "SELECT constraint_name FROM information_schema.table_constraints "
            + "WHERE constraint_type = 'FOREIGN KEY' AND UPPER(table_name) = 'HOME_TIMELINES' "
            + "AND table_schema = CURRENT_SCHEMA";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEYS);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        try (Statement drop = connection.createStatement()) {
            for (String name : names) {
                drop.execute("ALTER TABLE home_timelines DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
