package dev.raven.app;

import io.javalin.config.JavalinConfig;

import java.util.List;

/** Browser access per cors.origins: none, any (*), or a list of origins. */
final class Cors {
    private Cors() {
    }

    static void install(JavalinConfig c, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (origins.contains("*")) {
                rule.anyHost();
            } else {
                rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            }
            for (String header : List.of("Link", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                    "X-RateLimit-Reset", "WWW-Authenticate")) {
                rule.exposeHeader(header);
            }
        }));
    }
}
