package org.mailoutcome.testkit.internal;

import java.util.Properties;

/** Jakarta Mail session properties that fit a server's options. */
public final class ClientProperties {

    private ClientProperties() {
    }

    /**
     * Properties for a client of a server.
     *
     * @param config the server's options
     * @param host the server's address
     * @param port the server's port
     * @return new properties
     */
    public static Properties of(ServerConfig config, String host, int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.localhost", "localhost");
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        if (config.starttls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.ssl.trust", host);
            properties.setProperty("mail.smtp.starttls.required", Boolean.toString(config.requireTls()));
        }
        if (config.credentials().isPresent()) {
            properties.setProperty("mail.smtp.auth", "true");
        }
        return properties;
    }
}
