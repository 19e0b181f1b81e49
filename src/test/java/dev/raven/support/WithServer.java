package dev.raven.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class one real Raven: started on a random port with a fresh database before
 * the class's first test, stopped after its last. The class declares the static fields it
 * wants filled, by type: {@link TestServer}, {@link Api}, {@link Social}, {@code Jdbi}.
 *
 * <pre>
 * &#64;WithServer({"ratelimit.enabled=false"})
 * class LogoutTest {
 *     static Api api;
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ServerPerClass.class)
public @interface WithServer {
    /** Settings as {@code key=value}, on top of the test defaults (see {@link TestServer#config}). */
    String[] value() default {};

    /** Start it as {@link Social#startServer()} does: ids of each kind far apart, rate limits off. */
    boolean social() default false;
}
