package dev.raven.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raven.auth.AccountRemoval;
import dev.raven.auth.Accounts;
import dev.raven.auth.PasswordHasher;
import dev.raven.config.RavenConfig;
import dev.raven.db.Database;
import dev.raven.db.EmbeddedH2;
import dev.raven.http.ApiException;
import dev.raven.http.Json;
import dev.raven.media.MediaLibrary;
import dev.raven.moderation.AdminAccounts;
import dev.raven.moderation.ModeratedUser;
import dev.raven.moderation.Moderation;
import dev.raven.ops.OperatorClient;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * admin create USERNAME --email E | admin grant USERNAME ROLE | admin revoke USERNAME ROLE.
 * With the embedded database and a running server, the change goes through the server
 * (which holds the database file); otherwise the command opens the database itself.
 */
final class AdminCommand implements Command {
    private final ObjectMapper json = Json.newMapper();

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public String summary() {
        return "create an admin account, or grant or revoke the moderator and admin roles";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar raven.jar admin create USERNAME --email EMAIL
                       java -jar raven.jar admin grant USERNAME ROLE
                       java -jar raven.jar admin revoke USERNAME ROLE

                create   makes a new, active account with the admin role (whatever registration.mode
                         says). The password is asked on the terminal (twice), or read from the first
                         line of standard input when that is not a terminal:
                         echo "$PASSWORD" | java -jar raven.jar admin create ada --email ada@example.org
                grant    gives an existing account the role moderator or admin.
                revoke   takes the role back (the account becomes a plain user).

                Works whether or not the server runs: with the embedded database and a running
                server (same data.dir and server.port), the server makes the change; otherwise the
                command opens the database (embedded, or PostgreSQL when db.url is set). Each change
                is written to the moderation log as done by "(operator)".
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("email");
    }

    @Override
    public int run(Args args, CliContext context) {
        List<String> words = args.positional();
        if (words.isEmpty()) {
            throw new UsageException("missing what to do: create, grant or revoke");
        }
        RavenConfig config = context.config();
        String verb = words.get(0);
        switch (verb) {
            case "create" -> {
                String username = args.positional(2, "the USERNAME").get(1);
                String email = args.required("email");
                String password = password(context, username);
                ModeratedUser user = perform(config, "/internal/admin/create",
                        Map.of("username", username, "email", email, "password", password),
                        admins -> admins.create(username, email, password), context);
                context.out().printf("Created the admin account %s (user id %d)%n", user.username(), user.userId());
            }
            case "grant", "revoke" -> {
                List<String> given = args.positional(3, "the USERNAME and the ROLE");
                String username = given.get(1);
                String role = given.get(2);
                if (args.optional("email").isPresent()) {
                    throw new UsageException("--email is for admin create");
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("username", username);
                body.put("role", role);
                body.put("grant", verb.equals("grant"));
                ModeratedUser user = perform(config, "/internal/admin/role", body,
                        admins -> verb.equals("grant") ? admins.grant(username, role) : admins.revoke(username, role),
                        context);
                context.out().printf("%s is now %s%n", user.username(), describe(user.role()));
            }
            default -> throw new UsageException("unknown action '" + verb + "': create, grant or revoke");
        }
        return Cli.OK;
    }

    /** Through the running server if one holds the embedded database, else directly. */
    private ModeratedUser perform(RavenConfig config, String path, Map<String, ?> body,
                                  Function<AdminAccounts, ModeratedUser> direct, CliContext context) {
        if (EmbeddedH2.isUsedBy(config)) {
            OperatorClient server = new OperatorClient(config);
            try {
                Optional<OperatorClient.Answer> answer = server.postJson(path, json.writeValueAsString(body));
                if (answer.isPresent()) {
                    context.err().println("(through the server running at " + server.address() + ")");
                    return fromServer(answer.get());
                }
            } catch (OperatorClient.Failure e) {
                throw new CommandFailed(e.getMessage());
            } catch (IOException e) {
                throw new CommandFailed("cannot write the request: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailed("interrupted; nothing was changed");
            }
        }
        Database database;
        try {
            database = Database.open(config);
        } catch (RuntimeException e) {
            if (EmbeddedH2.isInUse(e)) {
                throw new CommandFailed("the database in " + config.dataDir() + " is in use by another process, but no"
                        + " Raven answers at " + new OperatorClient(config).address()
                        + ": is server.port the running server's?");
            }
            throw new CommandFailed("cannot open the database: " + e.getMessage());
        }
        try (database) {
            Clock clock = Clock.systemUTC();
            MediaLibrary media = new MediaLibrary(database.jdbi(), config, clock);
            Moderation moderation = new Moderation(database.jdbi(), null, new AccountRemoval(media), media, clock);
            Accounts accounts = new Accounts(database.jdbi(), new PasswordHasher(config.bcryptCost()), null,
                    new AccountRemoval(media), media, clock, config.registrationMode());
            return direct.apply(new AdminAccounts(database.jdbi(), accounts, moderation, clock));
        } catch (ApiException e) {
            throw new CommandFailed(explain(e.getMessage(), e.fieldErrors()));
        }
    }

    private ModeratedUser fromServer(OperatorClient.Answer answer) {
        try {
            JsonNode body = json.readTree(answer.body());
            if (answer.status() / 100 == 2) {
                return json.treeToValue(body, ModeratedUser.class);
            }
            Map<String, List<String>> errors = new LinkedHashMap<>();
            body.path("errors").fields().forEachRemaining(f -> {
                List<String> texts = new java.util.ArrayList<>();
                f.getValue().forEach(t -> texts.add(t.asText()));
                errors.put(f.getKey(), texts);
            });
            throw new CommandFailed(explain(body.path("message").asText("the server answered " + answer.status()),
                    errors));
        } catch (IOException e) {
            throw new CommandFailed("the server answered " + answer.status() + " with something that is not JSON");
        }
    }

    private static String explain(String message, Map<String, List<String>> errors) {
        if (errors == null || errors.isEmpty()) {
            return message;
        }
        StringBuilder text = new StringBuilder();
        errors.forEach((field, texts) -> texts.forEach(t -> text.append(text.isEmpty() ? "" : "; ")
                .append(field).append(": ").append(t)));
        return text.toString();
    }

    /** From the terminal (asked twice), or the first line of standard input. */
    private static String password(CliContext context, String username) {
        if (context.terminal()) {
            Console console = System.console();
            char[] first = console.readPassword("Password for %s: ", username);
            char[] second = console.readPassword("The same password again: ");
            if (first == null || second == null) {
                throw new CommandFailed("no password given; nothing was changed");
            }
            if (!Arrays.equals(first, second)) {
                throw new CommandFailed("the two passwords differ; nothing was changed");
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CommandFailed("no password on standard input (give it as the first line); nothing was changed");
            }
            return line;
        } catch (IOException e) {
            throw new CommandFailed("cannot read the password from standard input: " + e.getMessage());
        }
    }

    private static String describe(String role) {
        return switch (role) {
            case "admin" -> "an admin";
            case "moderator" -> "a moderator";
            default -> "a plain user";
        };
    }
}
