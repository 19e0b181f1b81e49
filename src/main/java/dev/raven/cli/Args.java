package dev.raven.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command's arguments: {@code --name value} (or {@code --name=value}) options and positional words. */
final class Args {
    private final Map<String, String> options;
    private final List<String> positional;

    private Args(Map<String, String> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    /** Parses against the options the command knows; anything else is a usage error. */
    static Args parse(List<String> raw, Set<String> knownOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String arg = raw.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(2, equals) : arg.substring(2);
            if (!knownOptions.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < raw.size() && !raw.get(i + 1).startsWith("--")) {
                value = raw.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return new Args(options, List.copyOf(positional));
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    List<String> positional() {
        return positional;
    }

    /** The positional words, which must be exactly {@code count}. */
    List<String> positional(int count, String what) {
        if (positional.size() < count) {
            throw new UsageException("missing " + what);
        }
        if (positional.size() > count) {
            throw new UsageException("unexpected argument '" + positional.get(count) + "'");
        }
        return positional;
    }
}
