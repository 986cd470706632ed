package org.mailoutcome.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** The default {@code AUTH PLAIN} and {@code AUTH LOGIN} exchanges (RFC 4954, RFC 4616). */
final class AuthExchange {

    static final String SUCCESS = "235 2.7.0 Authentication successful";
    static final String FAILURE = "535 5.7.8 Error: authentication failed";
    private static final String ABORTED = "501 5.7.0 Authentication aborted";
    private static final String UNDECODABLE = "501 5.5.2 Cannot decode response";

    private final ServerConfig config;
    private final SessionState state;

    AuthExchange(ServerConfig config, SessionState state) {
        this.config = config;
        this.state = state;
    }

    ServerReply exchange(Command command, Dialogue dialogue) throws IOException {
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            return ServerReply.line(refusal.get());
        }
        String[] words = command.argument().split("\\s+", 2);
        Optional<String> initial = words.length > 1 ? Optional.of(words[1]) : Optional.empty();
        String result = switch (words[0].toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> plain(initial, dialogue);
            case "LOGIN" -> login(initial, dialogue);
            case "" -> "501 5.5.4 Syntax: AUTH mechanism";
            default -> FAILURE + ": Invalid authentication mechanism";
        };
        return ServerReply.line(result);
    }

    private Optional<String> refusal() {
        if (config.credentials().isEmpty()) {
            return Optional.of("503 5.5.1 Error: authentication not enabled");
        }
        if (!state.extended) {
            return Optional.of("503 5.5.1 Error: send EHLO first");
        }
        if (config.requireTls() && !state.tls) {
            return Optional.of("530 5.7.0 Must issue a STARTTLS command first");
        }
        if (state.authenticated) {
            return Optional.of("503 5.5.1 Error: already authenticated");
        }
        if (state.transaction.inProgress()) {
            return Optional.of("503 5.5.1 Error: MAIL transaction in progress");
        }
        return Optional.empty();
    }

    private String plain(Optional<String> initial, Dialogue dialogue) throws IOException {
        String response = initial.isPresent() ? initial.get() : dialogue.challenge("334 ");
        if (response.equals("*")) {
            return ABORTED;
        }
        Optional<String> decoded = decode(response);
        if (decoded.isEmpty()) {
            return UNDECODABLE;
        }
        String[] parts = decoded.get().split("\0", -1);
        return parts.length == 3 ? check(parts[1], parts[2]) : FAILURE;
    }

    private String login(Optional<String> initial, Dialogue dialogue) throws IOException {
        String userAnswer = initial.isPresent() ? initial.get() : dialogue.challenge("334 VXNlcm5hbWU6");
        if (userAnswer.equals("*")) {
            return ABORTED;
        }
        Optional<String> user = decode(userAnswer);
        if (user.isEmpty()) {
            return UNDECODABLE;
        }
        String passwordAnswer = dialogue.challenge("334 UGFzc3dvcmQ6");
        if (passwordAnswer.equals("*")) {
            return ABORTED;
        }
        Optional<String> password = decode(passwordAnswer);
        return password.isEmpty() ? UNDECODABLE : check(user.get(), password.get());
    }

    private String check(String user, String password) {
        boolean good = config.credentials().map(c -> c.accepts(user, password)).orElse(false);
        return good ? SUCCESS : FAILURE;
    }

    private static Optional<String> decode(String base64) {
        if (base64.equals("=")) {
            return Optional.of("");
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
