package org.mailoutcome.providers;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.tracking.Provider;

/**
 * One event a provider reported: one nested record per kind, after django-anymail's normalised event types
 * (the guide's table maps every documented event of every provider to a record).
 *
 * <table>
 * <caption>Records and anymail's types</caption>
 * <tr><th>record</th><th>anymail</th><th>meaning</th></tr>
 * <tr><td>{@link Queued}</td><td>queued, sent</td><td>the provider took the message and will try</td></tr>
 * <tr><td>{@link Delivered}</td><td>delivered</td><td>the recipient's server accepted it</td></tr>
 * <tr><td>{@link Delayed}</td><td>deferred</td><td>a temporary failure; the provider tries again</td></tr>
 * <tr><td>{@link Bounced}</td><td>bounced</td><td>the recipient's server refused it; the provider gave up</td></tr>
 * <tr><td>{@link Suppressed}</td><td>rejected</td><td>the provider did not send it: suppression list,
 *     policy, invalid address</td></tr>
 * <tr><td>{@link Failed}</td><td>failed</td><td>the provider could not make or send it (template error)</td></tr>
 * <tr><td>{@link AutoReplied}</td><td>autoresponded</td><td>an auto-reply or challenge came back</td></tr>
 * <tr><td>{@link Complained}</td><td>complained</td><td>the recipient reported it as spam</td></tr>
 * <tr><td>{@link Opened}, {@link Clicked}</td><td>opened, clicked</td><td>open and click tracking</td></tr>
 * <tr><td>{@link Unsubscribed}, {@link Subscribed}</td><td>unsubscribed, subscribed</td>
 *     <td>subscription changes</td></tr>
 * <tr><td>{@link SubscriptionConfirmation}</td><td>(none)</td><td>SNS asks to confirm the subscription</td></tr>
 * <tr><td>{@link Unknown}</td><td>unknown</td><td>an event kind this version does not know, or one that could
 *     not be read: reported, never dropped</td></tr>
 * </table>
 *
 * <p>Java 17 callers use {@code instanceof} patterns; Java 21 callers get an exhaustive {@code switch}.
 */
public sealed interface ProviderEvent {

    /**
     * What every event carries: provider, kind, time, the provider's message id, correlation, raw JSON.
     *
     * @return the common part
     */
    EventInfo info();

    /**
     * The provider that sent the event.
     *
     * @return {@code info().provider()}
     */
    default Provider provider() {
        return info().provider();
    }

    /**
     * When it happened, as the provider says.
     *
     * @return {@code info().timestamp()}
     */
    default Optional<Instant> timestamp() {
        return info().timestamp();
    }

    /**
     * Your own correlation values.
     *
     * @return {@code info().correlation()}
     */
    default Correlation correlation() {
        return info().correlation();
    }

    /**
     * The name of this event's record, e.g. {@code "Bounced"}.
     *
     * @return the simple name of the record class
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /** An event about one recipient of a message: every record but {@link SubscriptionConfirmation} and
     * {@link Unknown}. */
    sealed interface RecipientEvent extends ProviderEvent permits Queued, Delivered, Delayed, Bounced, Suppressed,
            Failed, AutoReplied, Complained, Opened, Clicked, Unsubscribed, Subscribed {
        /**
         * The recipient's address as the provider gives it.
         *
         * @return the address
         */
        String recipient();
    }

    /** The provider accepted the message for this recipient and will try to deliver it.
     * @param info the common part
     * @param recipient the recipient */
    record Queued(EventInfo info, String recipient) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         */
        public Queued { check(info, recipient); }
    }

    /** The recipient's server accepted the message.
     * @param info the common part
     * @param recipient the recipient
     * @param reply the server's reply, if the payload quotes it ({@code 250 2.0.0 OK ...}) */
    record Delivered(EventInfo info, String recipient, Optional<SmtpReply> reply) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param reply the reply
         */
        public Delivered { check(info, recipient); Objects.requireNonNull(reply, "reply"); }
    }

    /**
     * Delivery failed for now; the provider will try again.
     *
     * @param info the common part
     * @param recipient the recipient
     * @param outcome the remote reply classified by core: the quoted reply, or one implied from the stated code
     *     and status (450 with the status, the diagnostic as its text) when the payload quotes none
     * @param diagnostic the provider's text about the failure, as given
     */
    record Delayed(EventInfo info, String recipient, DeliveryOutcome outcome, Optional<String> diagnostic)
            implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param outcome the classified reply
         * @param diagnostic the text
         */
        public Delayed { check(info, recipient); Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(diagnostic, "diagnostic"); }

        /**
         * The enhanced status code of the reply, if there is one.
         *
         * @return the status, or empty
         */
        public Optional<EnhancedStatus> status() {
            return outcome.enhancedStatus();
        }
    }

    /**
     * The recipient's server refused the message, or the provider gave up trying: the provider will not try again.
     *
     * @param info the common part
     * @param recipient the recipient
     * @param severity the provider's own verdict: hard (do not send again), soft, or undetermined
     * @param outcome the remote reply classified by core: the quoted reply, or one implied from the stated code
     *     and status (550 for hard, 450 for soft, with the status and the diagnostic as its text) when the
     *     payload quotes none
     * @param diagnostic the provider's text about the failure, as given
     */
    record Bounced(EventInfo info, String recipient, Severity severity, DeliveryOutcome outcome,
            Optional<String> diagnostic) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param severity hard or soft
         * @param outcome the classified reply
         * @param diagnostic the text
         */
        public Bounced { check(info, recipient); Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(outcome, "outcome"); Objects.requireNonNull(diagnostic, "diagnostic"); }

        /** The provider's verdict on a bounce (a different axis from the reply's disposition). */
        public enum Severity {
            /** Permanent: the address does not take mail; do not send to it again. */
            HARD,
            /** Temporary in nature (mailbox full, blocked, content refused), but the provider stopped trying. */
            SOFT,
            /** The provider could not tell. */
            UNDETERMINED
        }
    }

    /** The provider did not send to this recipient: a suppression list, its policy, an invalid address.
     * @param info the common part
     * @param recipient the recipient
     * @param reason the provider's reason, as given */
    record Suppressed(EventInfo info, String recipient, Optional<String> reason) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param reason the reason
         */
        public Suppressed { check(info, recipient); Objects.requireNonNull(reason, "reason"); }
    }

    /** The provider could not make or send the message (a template that did not render, an API error).
     * @param info the common part
     * @param recipient the recipient
     * @param reason the provider's reason, as given */
    record Failed(EventInfo info, String recipient, Optional<String> reason) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param reason the reason
         */
        public Failed { check(info, recipient); Objects.requireNonNull(reason, "reason"); }
    }

    /** An automatic reply came back: out of office, address change notice, challenge-response.
     * @param info the common part
     * @param recipient the recipient
     * @param description the provider's description, as given */
    record AutoReplied(EventInfo info, String recipient, Optional<String> description) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param description the description
         */
        public AutoReplied { check(info, recipient); Objects.requireNonNull(description, "description"); }
    }

    /** The recipient (or their mailbox provider, for them) reported the message as spam.
     * @param info the common part
     * @param recipient the recipient
     * @param feedbackType the feedback type of the report ({@code abuse}, ...), if given */
    record Complained(EventInfo info, String recipient, Optional<String> feedbackType) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param feedbackType the feedback type
         */
        public Complained { check(info, recipient); Objects.requireNonNull(feedbackType, "feedbackType"); }
    }

    /** The recipient opened the message (open tracking).
     * @param info the common part
     * @param recipient the recipient
     * @param userAgent the user agent that fetched the tracking image, if given */
    record Opened(EventInfo info, String recipient, Optional<String> userAgent) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param userAgent the user agent
         */
        public Opened { check(info, recipient); Objects.requireNonNull(userAgent, "userAgent"); }
    }

    /** The recipient clicked a link (click tracking).
     * @param info the common part
     * @param recipient the recipient
     * @param url the link, if given
     * @param userAgent the user agent, if given */
    record Clicked(EventInfo info, String recipient, Optional<String> url, Optional<String> userAgent)
            implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param url the link
         * @param userAgent the user agent
         */
        public Clicked { check(info, recipient); Objects.requireNonNull(url, "url");
            Objects.requireNonNull(userAgent, "userAgent"); }
    }

    /** The recipient unsubscribed (a link, a List-Unsubscribe request, a preference centre).
     * @param info the common part
     * @param recipient the recipient */
    record Unsubscribed(EventInfo info, String recipient) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         */
        public Unsubscribed { check(info, recipient); }
    }

    /** The recipient subscribed again.
     * @param info the common part
     * @param recipient the recipient */
    record Subscribed(EventInfo info, String recipient) implements RecipientEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         */
        public Subscribed { check(info, recipient); }
    }

    /**
     * Amazon SNS asks this endpoint to confirm its subscription to a topic (an allowed one: the topic was checked).
     *
     * @param info the common part
     * @param topicArn the topic
     * @param subscribeUrl the URL whose visit confirms the subscription
     * @param confirmation whether it was confirmed here
     * @param problem why the confirmation failed, for {@link Confirmation#FAILED}
     */
    record SubscriptionConfirmation(EventInfo info, String topicArn, URI subscribeUrl, Confirmation confirmation,
            Optional<String> problem) implements ProviderEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param topicArn the topic
         * @param subscribeUrl the URL
         * @param confirmation the confirmation
         * @param problem the problem
         */
        public SubscriptionConfirmation {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(topicArn, "topicArn");
            Objects.requireNonNull(subscribeUrl, "subscribeUrl");
            Objects.requireNonNull(confirmation, "confirmation");
            Objects.requireNonNull(problem, "problem");
        }

        /** Whether the subscription was confirmed. */
        public enum Confirmation {
            /** Confirming is not configured ({@code Verification.Sns#confirmSubscriptions()}): confirm it yourself. */
            NOT_CONFIGURED,
            /** The subscribe URL was visited and answered 2xx. */
            CONFIRMED,
            /** The visit failed; SNS sends the confirmation again, or confirm it yourself. */
            FAILED
        }
    }

    /**
     * An event this version does not know, or one it could not read (no recipient, a field of the wrong type):
     * reported, never dropped.
     *
     * @param info the common part
     * @param recipient the recipient, if the event names one
     * @param why what was not understood
     */
    record Unknown(EventInfo info, Optional<String> recipient, String why) implements ProviderEvent {
        /**
         * Checks the components.
         *
         * @param info the common part
         * @param recipient the recipient
         * @param why why
         */
        public Unknown {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(why, "why");
        }
    }

    private static void check(EventInfo info, String recipient) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(recipient, "recipient");
    }
}
