package org.mailoutcome.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code mail.outcome.console.*} properties: the web console (a page and a JSON API) of a servlet
 * application. Off by default; read-only unless {@code read-only=false}. It shows addresses and what happened to
 * them: expose it only behind the application's own security, as any admin page.
 *
 * @param enabled Whether the console is served
 * @param path The path of the page (its API is under path/api), e.g. /mail-outcome
 * @param readOnly Whether the console only reads; false lets it remove addresses from the suppression list
 */
@ConfigurationProperties("mail.outcome.console")
public record MailOutcomeConsoleProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("/mail-outcome") String path, @DefaultValue("true") boolean readOnly) {

    /**
     * Checks the path.
     *
     * @param enabled whether the console is served
     * @param path starts with {@code /}, does not end with one, no pattern characters
     * @param readOnly whether the console only reads
     */
    public MailOutcomeConsoleProperties {
        if (!path.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new IllegalArgumentException("mail.outcome.console.path must be like /mail-outcome (segments of "
                    + "letters, digits, . _ ~ -; no trailing /): " + path);
        }
    }
}
