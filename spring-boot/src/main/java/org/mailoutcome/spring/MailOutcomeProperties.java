package org.mailoutcome.spring;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.mailoutcome.Backoff;
import org.mailoutcome.DomainRule;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.ForwardHeaders;
import org.mailoutcome.tracking.Provider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code mail.outcome.*} properties; the server itself comes from Boot's {@code spring.mail.*}.
 *
 * @param enabled Whether mail-outcome configures anything at all; false leaves mail to Boot
 * @param forward following a 551's forward path
 * @param retry trying transient failures again
 * @param pool the connection pool
 * @param timeouts the socket timeouts
 * @param health the health indicator
 * @param tracking following each send past acceptance (correlation keys and a delivery store)
 * @param pipelining Whether MAIL, every RCPT and DATA go in one round trip (RFC 2920) where the server advertises
 *     PIPELINING
 * @param chunking Whether the message goes with BDAT (RFC 3030) where the server advertises CHUNKING: with
 *     pipelining, MAIL, every RCPT and the message in one round trip
 * @param bounceMailbox the IMAP folder bounces come back to, read into the tracker
 * @param jdbc the delivery records and durable retries on the application's {@code DataSource}
 * @param suppressions the suppression list: recipients not to send to (a hard bounce, a complaint...), left out of
 *     every send with a typed Suppressed outcome
 * @param addressBook the address book: forward paths learnt (251, 551, a 5.1.6 bounce), old to new
 */
@ConfigurationProperties("mail.outcome")
public record MailOutcomeProperties(@DefaultValue("true") boolean enabled, @DefaultValue Forward forward,
        @DefaultValue Retry retry, @DefaultValue Pool pool, @DefaultValue Timeouts timeouts,
        @DefaultValue Health health, @DefaultValue Tracking tracking, @DefaultValue("true") boolean pipelining,
        @DefaultValue("true") boolean chunking, @DefaultValue BounceMailbox bounceMailbox, @DefaultValue Jdbc jdbc, @DefaultValue Suppressions suppressions,
        @DefaultValue AddressBookSettings addressBook) {

    /**
     * The suppression list: kept in the application's {@code DataSource} with {@code mail-outcome-jdbc}, else in
     * memory; judged by the {@code SuppressionPolicy} bean (the defaults unless the application defines one).
     *
     * @param enabled Whether recipients on the suppression list are left out of every send (a Suppressed outcome),
     *     and the sends' outcomes and the tracker's bounces and complaints feed it
     */
    public record Suppressions(@DefaultValue("false") boolean enabled) {
    }

    /**
     * The address book: kept in the application's {@code DataSource} with {@code mail-outcome-jdbc}, else in memory.
     *
     * @param enabled Whether forward paths learnt (251, 551, a 5.1.6 bounce) are kept, and a later send to the old
     *     address goes to the new one when mail.outcome.forward allows it
     */
    public record AddressBookSettings(@DefaultValue("false") boolean enabled) {
    }

    /**
     * Following a 551's forward path: off by default (RFC 5321 3.4; a hostile server could redirect mail).
     *
     * @param enabled Whether a forward path is followed at all
     * @param maxHops Forwards per recipient at most
     * @param domains Which domains a forward may go to
     * @param allowedDomains The domains a forward may go to, for domains=allow-list
     * @param headers Whether a forwarded copy gets Resent-* headers
     */
    public record Forward(@DefaultValue("false") boolean enabled, @DefaultValue("1") int maxHops,
            @DefaultValue("same-domain") Domains domains, @DefaultValue List<String> allowedDomains,
            @DefaultValue("unchanged") ForwardHeaders headers) {

        /**
         * Checks the components.
         *
         * @param enabled Whether a forward path is followed
         * @param maxHops At least 1
         * @param domains The rule
         * @param allowedDomains Not empty when {@code domains} is {@code allow-list}
         * @param headers The headers choice
         */
        public Forward {
            if (maxHops < 1) throw new IllegalArgumentException("mail.outcome.forward.max-hops must be >= 1: " + maxHops);
            allowedDomains = List.copyOf(allowedDomains);
            if (domains == Domains.ALLOW_LIST && allowedDomains.isEmpty()) {
                throw new IllegalArgumentException("mail.outcome.forward.domains=allow-list needs "
                        + "mail.outcome.forward.allowed-domains");
            }
        }

        /**
         * The policy these properties describe, for a customizer that adds to it, e.g. an approval hook:
         * {@code builder.forwardPolicy(forward.policy().toBuilder().approval(hook).build())}.
         *
         * @return {@code ForwardPolicy.disabled()} unless {@code enabled}, else the hops and domain rule
         */
        public ForwardPolicy policy() {
            if (!enabled) return ForwardPolicy.disabled();
            DomainRule rule = switch (domains) {
                case SAME_DOMAIN -> DomainRule.sameDomain();
                case SAME_REGISTRABLE_DOMAIN -> DomainRule.sameRegistrableDomain();
                case ALLOW_LIST -> DomainRule.allowList(new HashSet<>(allowedDomains));
                case ANY -> DomainRule.anyDomain();
            };
            return ForwardPolicy.enabled().maxHops(maxHops).domainRule(rule).build();
        }
    }

    /** Which domains a forward path may lead to. */
    public enum Domains {
        /** The recipient's own domain only. */
        SAME_DOMAIN,
        /** The same registrable domain ({@code a.example.co.uk} and {@code b.example.co.uk}). */
        SAME_REGISTRABLE_DOMAIN,
        /** The domains of {@code allowed-domains}. */
        ALLOW_LIST,
        /** Any domain. */
        ANY
    }

    /**
     * Trying transient failures again (421, 450, 451, 452, a connection lost before the end of data); only the
     * deferred recipients are retried. The default, one attempt, never makes a caller wait.
     *
     * @param maxAttempts Attempts in all, including the first; 1 means no retry
     * @param initialDelay The wait before the second attempt
     * @param multiplier How much longer each further wait is
     * @param maxDelay The longest wait
     * @param retryMaybeDelivered Whether a connection lost after the end of data is retried (risks duplicates)
     */
    public record Retry(@DefaultValue("1") int maxAttempts, @DefaultValue("1s") Duration initialDelay,
            @DefaultValue("2.0") double multiplier, @DefaultValue("30s") Duration maxDelay,
            @DefaultValue("false") boolean retryMaybeDelivered) {

        /**
         * Checks the components, naming the properties that cannot work together.
         *
         * @param maxAttempts At least 1
         * @param initialDelay Positive
         * @param multiplier At least 1
         * @param maxDelay At least {@code initialDelay}
         * @param retryMaybeDelivered Whether a connection lost after the end of data is retried
         */
        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("mail.outcome.retry.max-attempts must be >= 1: " + maxAttempts);
            }
            if (initialDelay.isNegative() || initialDelay.isZero()) {
                throw new IllegalArgumentException("mail.outcome.retry.initial-delay must be positive: " + initialDelay);
            }
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("mail.outcome.retry.multiplier must be >= 1: " + multiplier);
            }
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("mail.outcome.retry.max-delay (" + maxDelay + ") must be at least "
                        + "mail.outcome.retry.initial-delay (" + initialDelay + ")");
            }
        }

        /**
         * The policy these properties describe.
         *
         * @return {@code RetryPolicy.none()} for one attempt, else exponential backoff
         */
        public RetryPolicy policy() {
            if (maxAttempts == 1) return RetryPolicy.none();
            return RetryPolicy.builder().maxAttempts(maxAttempts)
                    .backoff(Backoff.exponential(initialDelay, multiplier, maxDelay))
                    .retryMaybeDelivered(retryMaybeDelivered).build();
        }
    }

    /**
     * The pool of connections to the server.
     *
     * @param maxConnections The most connections open at once
     * @param maxIdle How long an unused connection is kept
     * @param maxMessagesPerConnection Messages after which a connection is replaced
     */
    public record Pool(@DefaultValue("4") int maxConnections, @DefaultValue("30s") Duration maxIdle,
            @DefaultValue("1000") int maxMessagesPerConnection) {
    }

    /**
     * Socket timeouts; a component left unset ({@code null}) keeps {@code spring.mail.properties.mail.smtp.*}'s
     * setting, else the adapter's default (connect 30 s, read 60 s, write 60 s; Angus's own default is infinite).
     *
     * @param connect The connect timeout; unset: the session's setting, else 30s
     * @param read The longest wait for a reply; unset: the session's setting, else 60s
     * @param write The longest blocked write; unset: the session's setting, else 60s
     */
    public record Timeouts(Duration connect, Duration read, Duration write) {
    }

    /**
     * The health indicator ({@code mail} in the health endpoint, in place of Boot's own).
     *
     * @param enabled Whether mail-outcome's indicator replaces Boot's
     * @param timeout The longest a check waits for the server
     */
    public record Health(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration timeout) {
    }

    /**
     * Tracking of each send ({@code OutcomeMailerBuilder.tracking}): an ENVID where the server advertises DSN, an
     * optional VERP envelope sender, and a record of every send in the application's {@code DeliveryStore} bean,
     * else in its {@code DataSource} (with {@code mail-outcome-jdbc}), else in memory (with a WARN at start-up). Off by default. Which notices to ask for is Jakarta Mail's own setting:
     * {@code spring.mail.properties.mail.smtp.dsn.notify} (and {@code .dsn.ret}).
     *
     * @param enabled Whether sends are tracked
     * @param envelopeId Whether sends carry ENVID where the server advertises DSN
     * @param verpDomain The VERP domain: MAIL FROM becomes LOCALPART+TOKEN@domain; unset: no VERP
     * @param verpLocalPart The local part of the VERP envelope sender
     * @param provider The email service provider the mail is relayed through (ses, sendgrid, mailgun, postmark,
     *     sparkpost, mailjet): each send carries its correlation header, and its end-of-data id is recorded
     * @param detectProvider Whether, with no provider named, one is recognised from spring.mail.host when it is a
     *     provider's documented SMTP relay (smtp.sendgrid.net, email-smtp.REGION.amazonaws.com, ...)
     */
    public record Tracking(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean envelopeId,
            String verpDomain, @DefaultValue("bounces") String verpLocalPart, Provider provider,
            @DefaultValue("true") boolean detectProvider) {
    }

    /**
     * The application's {@code DataSource} as mail-outcome's database, when {@code mail-outcome-jdbc} is on the
     * class path: the delivery records of tracked sends ({@code JdbcDeliveryStore}) and, when asked, durable
     * retries ({@code JdbcRetries}). The schema ({@code mail_outcome_*} tables) is migrated at start-up.
     *
     * @param enabled Whether the application's DataSource holds mail-outcome's records when mail-outcome-jdbc is
     *     on the class path; false keeps them in memory
     * @param retries durable retries on the DataSource
     */
    public record Jdbc(@DefaultValue("true") boolean enabled, @DefaultValue Retries retries) {
    }

    /**
     * Durable retries: the deferred recipients of a send are written to the database instead of waited for, and a
     * worker (db-scheduler, cluster-safe) retries them when due, across restarts and instances. Needs
     * {@code mail.outcome.retry.max-attempts} above 1: the retry policy says when and how often.
     *
     * @param enabled Whether the mailer hands its deferred recipients to the database
     * @param worker Whether this instance runs a worker that retries them (started and stopped with the context)
     * @param pollingInterval How often the worker looks for due retries
     * @param heartbeat How often a busy worker says it is alive; a round whose worker missed 4 is taken over
     * @param threads Retry rounds a worker runs at once
     * @param failureDelay How long a round that failed (the database went away) waits before it runs again
     */
    public record Retries(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean worker,
            @DefaultValue("10s") Duration pollingInterval, @DefaultValue("1m") Duration heartbeat,
            @DefaultValue("4") int threads, @DefaultValue("1m") Duration failureDelay) {
    }

    /**
     * The IMAP folder that bounces come back to, read by a {@code BounceMailbox} into the {@code DeliveryTracker}
     * bean (so only with {@code mail.outcome.tracking.enabled=true}); started and stopped with the context. Off by
     * default. {@code toString} never shows the password.
     *
     * @param enabled Whether the bounce mailbox is read
     * @param host The IMAP server's host; required when enabled
     * @param port The IMAP server's port; unset: the protocol's default (143, 993)
     * @param protocol The store protocol: imap, or imaps (TLS from the start)
     * @param username The IMAP login; unset: no login of its own (the session's mail.imap.user)
     * @param password The IMAP password, with username
     * @param folder The folder bounces arrive in
     * @param processedKeyword The IMAP keyword an ingested message is marked with, unless move-to is set
     * @param moveTo The folder an ingested message is moved to; unset: marked with processed-keyword instead
     * @param pollInterval The longest wait between passes (polling, or renewing IDLE); 100ms to 29m
     * @param idle Whether to use IDLE where the server offers it
     * @param properties More Jakarta Mail session properties for the IMAP session (e.g. mail.imaps.ssl.trust)
     */
    public record BounceMailbox(@DefaultValue("false") boolean enabled, String host, Integer port,
            @DefaultValue("imap") Protocol protocol, String username, String password,
            @DefaultValue("INBOX") String folder, @DefaultValue("MailOutcomeProcessed") String processedKeyword,
            String moveTo, @DefaultValue("60s") Duration pollInterval, @DefaultValue("true") boolean idle,
            Map<String, String> properties) {

        /**
         * Copies the properties.
         *
         * @param enabled whether the mailbox is read
         * @param host the host, or null
         * @param port the port, or null
         * @param protocol imap or imaps
         * @param username the login, or null
         * @param password the password, or null
         * @param folder the folder
         * @param processedKeyword the keyword
         * @param moveTo the folder to move to, or null
         * @param pollInterval the poll interval
         * @param idle whether to idle
         * @param properties more session properties, or null
         */
        public BounceMailbox {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        @Override
        public String toString() {
            return "BounceMailbox[enabled=" + enabled + ", " + protocol.name().toLowerCase(java.util.Locale.ROOT)
                    + "://" + (username == null ? "" : username + "@") + host + (port == null ? "" : ":" + port)
                    + "/" + folder + ", password=" + (password == null ? "none" : "******") + "]";
        }
    }

    /** The IMAP store protocol of the bounce mailbox. */
    public enum Protocol {
        /** IMAP (RFC 9051), STARTTLS if the session asks for it. */
        IMAP,
        /** IMAP over TLS from the start. */
        IMAPS
    }
}
