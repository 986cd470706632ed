package org.mailoutcome.spring;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mailoutcome.tracking.Provider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code mail.outcome.providers.<name>.*} properties: one webhook endpoint per email service provider whose
 * events feed the {@code DeliveryTracker} bean. Each is off until {@code enabled=true}, and must then say how its
 * requests are verified: there is no unverified endpoint.
 *
 * @param ses Amazon SES's events through an SNS HTTPS subscription
 * @param sendgrid SendGrid's Event Webhook
 * @param mailgun Mailgun's webhooks
 * @param postmark Postmark's webhooks
 * @param sparkpost SparkPost's event webhooks
 * @param mailjet Mailjet's event callback URL
 */
@ConfigurationProperties("mail.outcome.providers")
public record MailOutcomeProvidersProperties(@DefaultValue Endpoint ses, @DefaultValue Endpoint sendgrid,
        @DefaultValue Endpoint mailgun, @DefaultValue Endpoint postmark, @DefaultValue Endpoint sparkpost,
        @DefaultValue Endpoint mailjet) {

    /**
     * The endpoints that are enabled, by provider.
     *
     * @return the enabled endpoints
     */
    public Map<Provider, Endpoint> enabled() {
        Map<Provider, Endpoint> all = new EnumMap<>(Provider.class);
        all.put(Provider.SES, ses);
        all.put(Provider.SENDGRID, sendgrid);
        all.put(Provider.MAILGUN, mailgun);
        all.put(Provider.POSTMARK, postmark);
        all.put(Provider.SPARKPOST, sparkpost);
        all.put(Provider.MAILJET, mailjet);
        all.values().removeIf(e -> !e.enabled());
        return all;
    }

    /**
     * One provider's endpoint. {@code toString} never shows a key or a password.
     *
     * @param enabled Whether the endpoint is served
     * @param path The path it answers POST requests on; unset: /mail-outcome/providers/NAME
     * @param topicArns SES: the SNS topics whose notifications are accepted (required)
     * @param confirmSubscriptions SES: whether a SubscriptionConfirmation from one of those topics is confirmed
     * @param verificationKey SendGrid: the signed Event Webhook's verification key (base64 of the public key)
     * @param signingKey Mailgun: the HTTP webhook signing key
     * @param username The user of the basic authentication in the webhook URL (Postmark, SparkPost, Mailjet; or
     *     SendGrid and Mailgun instead of their signatures)
     * @param password The password of that basic authentication
     * @param maxAge How old a signed request may be (SNS, SendGrid, Mailgun); unset: the provider's default
     */
    public record Endpoint(@DefaultValue("false") boolean enabled, String path, @DefaultValue List<String> topicArns,
            @DefaultValue("false") boolean confirmSubscriptions, String verificationKey, String signingKey,
            String username, String password, Duration maxAge) {

        /**
         * The path, or the default one for this provider.
         *
         * @param provider the provider
         * @return the path
         */
        public String pathFor(Provider provider) {
            return path == null || path.isBlank() ? "/mail-outcome/providers/" + provider.id() : path;
        }

        /** @return the settings, keys and password hidden */
        @Override
        public String toString() {
            return "Endpoint[enabled=" + enabled + ", path=" + path + ", topicArns=" + topicArns
                    + ", confirmSubscriptions=" + confirmSubscriptions + ", verificationKey="
                    + (verificationKey == null ? "unset" : "***") + ", signingKey=" + (signingKey == null ? "unset" : "***")
                    + ", username=" + username + ", password=" + (password == null ? "unset" : "***") + ", maxAge="
                    + maxAge + "]";
        }
    }
}
