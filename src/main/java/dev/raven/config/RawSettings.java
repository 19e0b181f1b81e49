package dev.raven.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings as strings, layered: built-in defaults, then a properties file, then
 * environment variables. Only keys that exist in the defaults are accepted, so a typo
 * in a file stops start-up instead of being silently ignored.
 */
final class RawSettings {
    private static final Logger log = LoggerFactory.getLogger(RawSettings.class);
    /** RAVEN_* variables that are not settings: read by the tools themselves. */
    private static final Set<String> NOT_SETTINGS = Set.of("RAVEN_CONFIG", "RAVEN_MIGRATE_TO_PASSWORD");
    static final String DEFAULTS_RESOURCE = "/dev/raven/config/config.properties";

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private RawSettings(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    static RawSettings defaults() {
        Properties props = new Properties();
        try (InputStream in = RawSettings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULTS_RESOURCE + " on the class path");
            }
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in defaults", e);
        }
        Map<String, String> values = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> {
            values.put(k, props.getProperty(k).trim());
            sources.put(k, "default");
        });
        return new RawSettings(values, sources);
    }

    RawSettings withFile(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> layer = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> layer.put(k, props.getProperty(k).trim()));
        return with(layer, "file " + file);
    }

    /** Applies RAVEN_* variables that name a known key; warns about ones that look mistyped. */
    RawSettings withEnvironment(Map<String, String> env) {
        Map<String, String> layer = new LinkedHashMap<>();
        Set<String> known = new HashSet<>(NOT_SETTINGS);
        for (String key : values.keySet()) {
            known.add(envName(key));
            String value = env.get(envName(key));
            if (value != null) {
                layer.put(key, value.trim());
            }
        }
        env.keySet().stream()
                .filter(name -> name.startsWith("RAVEN_") && !known.contains(name) && !name.startsWith("RAVEN_TEST_"))
                .sorted()
                .forEach(name -> log.warn("Ignoring environment variable {}: no such setting (see config.properties)", name));
        return with(layer, "environment");
    }

    RawSettings with(Map<String, String> layer, String source) {
        Map<String, String> merged = new TreeMap<>(values);
        Map<String, String> mergedSources = new TreeMap<>(sources);
        for (Map.Entry<String, String> e : layer.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new ConfigException(e.getKey() + ": unknown setting (from " + source
                        + "); see config.properties for the list of settings");
            }
            merged.put(e.getKey(), e.getValue());
            mergedSources.put(e.getKey(), source);
        }
        return new RawSettings(merged, mergedSources);
    }

    static String envName(String key) {
        return "RAVEN_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no such setting: " + key);
        }
        return value;
    }

    String source(String key) {
        return sources.get(key);
    }
}
