package dev.raven.support;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The extension behind {@link WithServer}: starts the class's server before its @BeforeAll
 * methods run (so they can use it), fills its static fields, and closes it after the class.
 */
public final class ServerPerClass implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerPerClass.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> testClass = context.getRequiredTestClass();
        if (testClass.isAnnotationPresent(Nested.class)) {
            return; // a @Nested class shares its enclosing class's server
        }
        WithServer wanted = AnnotationSupport.findAnnotation(testClass, WithServer.class)
                .orElseThrow(() -> new IllegalStateException(testClass + " has no @WithServer"));
        Map<String, String> settings = settings(wanted.value());
        TestServer server = wanted.social() ? Social.startServer(settings) : TestServer.start(settings);
        context.getStore(NAMESPACE).put(TestServer.class, server);
        fill(testClass, server);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
        TestServer server = context.getStore(NAMESPACE).remove(TestServer.class, TestServer.class);
        if (server != null) {
            fill(context.getRequiredTestClass(), null);
            server.close();
        }
    }

    private static Map<String, String> settings(String[] pairs) {
        Map<String, String> settings = new HashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@WithServer setting must be key=value: " + pair);
            }
            settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return settings;
    }

    /** Sets (or, with null, clears) every static field of a type this extension provides. */
    private static void fill(Class<?> testClass, TestServer server) throws IllegalAccessException {
        Api api = server == null ? null : server.api();
        for (Field field : testClass.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                continue;
            }
            Object value = valueFor(field.getType(), server, api);
            if (value != null || server == null && provides(field.getType())) {
                field.setAccessible(true);
                field.set(null, value);
            }
        }
    }

    private static boolean provides(Class<?> type) {
        return type == TestServer.class || type == Api.class || type == Social.class || type == Jdbi.class;
    }

    private static Object valueFor(Class<?> type, TestServer server, Api api) {
        if (server == null) {
            return null;
        }
        if (type == TestServer.class) {
            return server;
        }
        if (type == Api.class) {
            return api;
        }
        if (type == Social.class) {
            return new Social(api);
        }
        if (type == Jdbi.class) {
            return server.app().database().jdbi();
        }
        return null;
    }
}
