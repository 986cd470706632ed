package org.mailoutcome.spring;

import jakarta.mail.Session;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;

/**
 * Boot's standard {@code spring.mail.*} properties, read with Boot's binder so the same code runs on Boot 4.0
 * ({@code org.springframework.boot.mail.autoconfigure.MailProperties}) and 3.5 (another package). Boot's own
 * class documents them for the IDE.
 */
record SpringMailSettings(String host, Integer port, String username, String password,
        @DefaultValue("smtp") String protocol, @DefaultValue("UTF-8") Charset defaultEncoding,
        @DefaultValue Map<String, String> properties, @DefaultValue Ssl ssl) {

    /**
     * {@code spring.mail.ssl.*}: {@code enabled} is TLS from the first byte ({@code mail.<protocol>.ssl.enable});
     * {@code bundle} names an SSL bundle ({@code spring.ssl.bundle.*}) whose context makes the TLS sockets, for
     * STARTTLS and for TLS from the first byte ({@code mail.<protocol>.ssl.socketFactory}), as Boot's own mail
     * sender does.
     */
    record Ssl(@DefaultValue("false") boolean enabled, String bundle) {
    }

    static SpringMailSettings from(Environment environment) {
        return Binder.get(environment).bindOrCreate("spring.mail", SpringMailSettings.class);
    }

    /**
     * {@code spring.mail.properties.*} with what {@code spring.mail.ssl.*} adds, as Boot's {@code JavaMailSenderImpl}
     * gets them.
     *
     * @throws IllegalStateException when a bundle is named but the application has no {@link SslBundles}
     */
    Properties javaMailProperties(Optional<SslBundles> bundles) {
        Properties props = new Properties();
        props.putAll(properties);
        String p = "mail." + protocol + ".";
        if (ssl.enabled()) props.setProperty(p + "ssl.enable", "true");
        if (ssl.bundle() != null) {
            SslBundles registry = bundles.orElseThrow(() -> new IllegalStateException("spring.mail.ssl.bundle="
                    + ssl.bundle() + " needs Spring Boot's SSL bundles (SslAutoConfiguration, spring.ssl.bundle.*)"));
            props.put(p + "ssl.socketFactory", registry.getBundle(ssl.bundle()).createSslContext().getSocketFactory());
        }
        return props;
    }

    /** The port the server listens on: the configured one, else 25 (smtp) or 465 (smtps). */
    int effectivePort() {
        return port != null ? port : "smtps".equals(protocol) ? 465 : 25;
    }

    Optional<String> user() {
        return username == null || username.isEmpty() ? Optional.empty() : Optional.of(username);
    }

    /** The Jakarta Mail session these properties describe, as Boot's {@code JavaMailSenderImpl} would connect. */
    Session session(Optional<SslBundles> bundles) {
        Properties props = javaMailProperties(bundles);
        String p = "mail." + protocol + ".";
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", host);
        if (port != null) props.setProperty(p + "port", Integer.toString(port));
        user().ifPresent(user -> {
            props.setProperty(p + "user", user);
            props.putIfAbsent(p + "auth", "true");
        });
        return Session.getInstance(props);
    }

    @Override
    public String toString() {
        return "SpringMailSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + ", protocol=" + protocol + "]";
    }
}
