package org.mailoutcome.cli;

import java.util.Properties;
import picocli.CommandLine.Option;

/** Mixin: {@code --server HOST:PORT}, required, for every command that talks to a real server. */
final class ServerOption {
    @Option(names = "--server", required = true, paramLabel = "HOST:PORT", converter = HostPort.Converter.class,
            description = "The SMTP server to talk to.")
    HostPort server;

    /** Session properties for plain SMTP to the server; {@code prefix} is {@code mail.smtp.} or {@code mail.smtps.}. */
    Properties properties(String prefix) {
        Properties props = new Properties();
        props.setProperty(prefix + "host", server.host());
        props.setProperty(prefix + "port", server.port());
        return props;
    }
}
