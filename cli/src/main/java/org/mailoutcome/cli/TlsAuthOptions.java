package org.mailoutcome.cli;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Mixin: how to connect and log in ({@code --starttls | --ssl}, {@code --trust}, {@code --user}). The password comes
 * from {@value #PASSWORD_VARIABLE} in the environment the command was handed, or a prompt, never from a flag.
 */
final class TlsAuthOptions {
    static final String PASSWORD_VARIABLE = "MAIL_OUTCOME_PASSWORD";

    @Option(names = "--starttls", description = "Require STARTTLS.")
    boolean starttls;

    @Option(names = "--ssl", description = "Connect with TLS from the start (SMTPS).")
    boolean ssl;

    @Option(names = "--trust", paramLabel = "HOSTS", description = "Trust these hosts' certificates "
            + "(mail.smtp.ssl.trust: space-separated names, or *).")
    String trust;

    @Option(names = "--user", paramLabel = "USER", description = "Log in as USER; the password comes from "
            + PASSWORD_VARIABLE + " or a prompt.")
    String user;

    /** The Jakarta Mail session properties for the server with these options. */
    Properties properties(ServerOption server) {
        if (ssl && starttls) throw new UsageException("--ssl and --starttls exclude each other");
        String p = ssl ? "mail.smtps." : "mail.smtp.";
        Properties props = server.properties(p);
        props.setProperty("mail.transport.protocol", ssl ? "smtps" : "smtp");
        if (starttls) props.setProperty(p + "starttls.required", "true");
        if (starttls) props.setProperty(p + "starttls.enable", "true");
        if (trust != null) props.setProperty(p + "ssl.trust", trust);
        if (user != null) props.setProperty(p + "auth", "true");
        return props;
    }

    Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password for {@code --user}: from the environment, else typed at the terminal. */
    static String password(Map<String, String> environment) {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null) return fromEnvironment;
        java.io.Console terminal = System.console();
        if (terminal == null) {
            throw new UsageException("--user needs a password: set " + PASSWORD_VARIABLE + " (no terminal to ask)");
        }
        char[] typed = terminal.readPassword("Password: ");
        return typed == null ? "" : new String(typed);
    }
}
