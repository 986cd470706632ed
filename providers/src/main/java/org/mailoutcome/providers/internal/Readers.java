package org.mailoutcome.providers.internal;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.Optional;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;

/** The reader of a provider for its verification; refuses a verification that does not fit the provider. */
public final class Readers {

    private Readers() {
    }

    /**
     * The reader.
     *
     * @throws IllegalArgumentException if the verification is not one of the provider's
     */
    public static Reader of(Provider provider, Verification verification, Clock clock, int replayCapacity) {
        if (verification instanceof Verification.Sns sns && provider == Provider.SES) {
            ReplayGuard guard = new ReplayGuard(sns.maxAge(), replayCapacity);
            return new SesReader(Optional.of(sns), Optional.of(new SnsCheck(sns, guard, clock)), Optional.of(guard));
        }
        if (verification instanceof Verification.MailgunSignature key && provider == Provider.MAILGUN) {
            ReplayGuard guard = new ReplayGuard(key.maxAge(), replayCapacity);
            return new MailgunReader(new MailgunCheck(key, guard, clock), guard);
        }
        if (verification instanceof Verification.SendGridSignature key && provider == Provider.SENDGRID) {
            ReplayGuard guard = new ReplayGuard(key.maxAge(), replayCapacity);
            return new GatedReader(provider, new SendGridCheck(key, guard, clock), parser(provider), Optional.of(guard));
        }
        if (verification instanceof Verification.BasicAuth auth && provider != Provider.SES) {
            return new GatedReader(provider, new BasicAuthCheck(auth), parser(provider), Optional.empty());
        }
        if (verification instanceof Verification.Unverified) {
            return provider == Provider.SES ? new SesReader(Optional.empty(), Optional.empty(), Optional.empty())
                    : new GatedReader(provider, Gate.OPEN, parser(provider), Optional.empty());
        }
        throw new IllegalArgumentException(verification.getClass().getSimpleName() + " does not verify "
                + provider + " requests");
    }

    private static GatedReader.Parser parser(Provider provider) {
        return switch (provider) {
            case SENDGRID -> SendGridEvents::of;
            case MAILGUN -> text -> {
                if (!(Json.parse(text) instanceof JsonObject root)) {
                    throw new BadPayload("a Mailgun webhook is a JSON object");
                }
                return MailgunEvents.of(root, text);
            };
            case POSTMARK -> text -> PostmarkEvents.of(Json.parse(text), text);
            case SPARKPOST -> SparkPostEvents::of;
            case MAILJET -> MailjetEvents::of;
            case SES -> throw new IllegalArgumentException("SES is read by SesReader");
        };
    }
}
