package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;

/**
 * What an email service provider's event says about one recipient, in this module's terms: the keys to find the
 * send by, and its {@link Effect} on the recipient's fate and standing. The providers module makes these from the
 * events it verified and parsed; the bounce tracker applies them as it applies DSN mails. A neutral value, so that
 * neither of those two modules depends on the other.
 *
 * @param provider the provider that reported it
 * @param eventId the event's identity: the same event delivered twice has the same one, so it is applied once
 * @param kind the provider's own name for the event, e.g. {@code "Bounce/Permanent/General"}
 * @param recipient the recipient's address, if the event names one
 * @param trackingId the send id the provider's metadata carried back ({@link Provider#trackingId(java.util.Map)})
 * @param providerMessageId the provider's id of the message (SES: the id of its {@code 250 Ok ID} reply), matched
 *     against {@link SentMessage#queueId()}
 * @param messageId the Message-ID of your message, with angle brackets, where the provider returns it
 * @param at when the provider says it happened, if it says
 * @param effect what it does to the recipient
 */
public record ProviderReport(Provider provider, String eventId, String kind, Optional<String> recipient,
        Optional<String> trackingId, Optional<String> providerMessageId, Optional<String> messageId,
        Optional<Instant> at, Effect effect) {

    /**
     * Checks the components.
     *
     * @param provider the provider
     * @param eventId the identity
     * @param kind the provider's name
     * @param recipient the recipient
     * @param trackingId the send id
     * @param providerMessageId the provider's id
     * @param messageId the Message-ID
     * @param at when
     * @param effect the effect
     */
    public ProviderReport {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(trackingId, "trackingId");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(effect, "effect");
    }

    /** What an event does to its recipient: one record per effect. */
    public sealed interface Effect {
        /**
         * The recipient's fate becomes {@link Fate.Bounced}; the reply is judged by the suppression list as a
         * bounce mail's would be.
         *
         * @param outcome the remote reply, classified
         */
        record Bounced(DeliveryOutcome outcome) implements Effect {
            /**
             * Checks the component.
             *
             * @param outcome the outcome
             */
            public Bounced {
                Objects.requireNonNull(outcome, "outcome");
            }
        }

        /**
         * The recipient's fate becomes {@link Fate.Delayed}, with the reply's enhanced status.
         *
         * @param outcome the remote reply, classified
         */
        record Delayed(DeliveryOutcome outcome) implements Effect {
            /**
             * Checks the component.
             *
             * @param outcome the outcome
             */
            public Delayed {
                Objects.requireNonNull(outcome, "outcome");
            }
        }

        /** The recipient's fate becomes {@link Fate.Delivered}; the soft bounces counted are cleared. */
        record Delivered() implements Effect {
        }

        /**
         * The recipient complained: a suppression ({@link Evidence.Complaint}); the fate does not change.
         *
         * @param feedbackType the feedback type, {@code abuse} when the provider gives none
         */
        record Complained(String feedbackType) implements Effect {
            /**
             * Checks the component.
             *
             * @param feedbackType the type
             */
            public Complained {
                Objects.requireNonNull(feedbackType, "feedbackType");
            }
        }

        /**
         * The provider did not send to the recipient: a suppression ({@link Evidence.Reported}); the fate does not
         * change (the provider accepted the message over SMTP, and never tried).
         *
         * @param reason what the provider said
         */
        record Suppressed(String reason) implements Effect {
            /**
             * Checks the component.
             *
             * @param reason the reason
             */
            public Suppressed {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /**
         * Nothing changes: an event about the recipient that is no fate (queued, opened, clicked, an auto-reply, a
         * subscription change, a failure to render). It is matched and reported.
         */
        record Noted() implements Effect {
        }

        /**
         * An event this version could not read or does not know: reported, never dropped.
         *
         * @param why what was not understood
         */
        record Unknown(String why) implements Effect {
            /**
             * Checks the component.
             *
             * @param why why
             */
            public Unknown {
                Objects.requireNonNull(why, "why");
            }
        }
    }
}
