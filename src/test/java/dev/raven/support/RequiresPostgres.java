package dev.raven.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For tests that cannot run on H2 (two instances on one database, moves to PostgreSQL): they
 * run on RAVEN_TEST_DB_URL, else on the local server if it answers. Only when neither exists
 * (possible under make test, never under make test-postgres) are they skipped, each one
 * reported as skipped with the reason.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return TestDatabases.postgresForTests().isPresent()
                    ? ConditionEvaluationResult.enabled("PostgreSQL answers")
                    : ConditionEvaluationResult.disabled("SKIPPED: needs PostgreSQL; none answers at "
                    + TestDatabases.LOCAL_POSTGRES + " and " + TestDatabases.ENV
                    + " is unset (make test-postgres always runs it)");
        }
    }
}
