package org.mailoutcome.providers.internal;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.providers.Correlation;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvent.SubscriptionConfirmation.Confirmation;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;

/**
 * Amazon SES through SNS: the SNS message is parsed, verified (when configured), then its {@code Message} read as
 * an SES record. Unverified, a body that is an SES record itself (raw message delivery, a saved {@code Message})
 * is read too.
 */
public final class SesReader implements Reader {
    /** The most bytes of a subscribe URL's answer read. */
    private static final int MAX_ANSWER = 64 * 1024;
    private final Optional<Verification.Sns> config;
    private final Optional<SnsCheck> check;
    private final Optional<ReplayGuard> guard;

    /** @param config the SNS verification, or empty for none @param check its check @param guard its guard */
    public SesReader(Optional<Verification.Sns> config, Optional<SnsCheck> check, Optional<ReplayGuard> guard) {
        this.config = config;
        this.check = check;
        this.guard = guard;
    }

    @Override
    public ParseResult read(byte[] body, Headers headers) {
        try {
            Json.Doc doc = Json.parse(body);
            if (!(doc.root() instanceof JsonObject root)) throw new BadPayload("an SNS message is a JSON object");
            if (!root.has("Type")) {
                if (check.isPresent()) {
                    return new ParseResult.Refused(Provider.SES, org.mailoutcome.providers.Refusal.MISSING_CREDENTIALS,
                            "not an SNS message (raw message delivery carries no signature)");
                }
                return new ParseResult.Accepted(Provider.SES, SesEvents.of(doc.text()), Optional.empty());
            }
            SnsMessage m = SnsMessage.of(root);
            Optional<String> token = Optional.empty();
            if (check.isPresent()) {
                Verdict verdict = check.get().check(m);
                if (verdict instanceof Verdict.Fail fail) {
                    return new ParseResult.Refused(Provider.SES, fail.refusal(), fail.detail());
                }
                token = ((Verdict.Pass) verdict).replayToken();
            }
            return new ParseResult.Accepted(Provider.SES, events(m, doc.text()), token);
        } catch (BadPayload e) {
            return new ParseResult.Malformed(Provider.SES, e.getMessage());
        }
    }

    private List<ProviderEvent> events(SnsMessage m, String raw) {
        Base base = new Base(Provider.SES, Times.of(m.timestamp()), Optional.empty(), Correlation.none(), raw);
        return switch (m.type()) {
            case "Notification" -> SesEvents.of(m.message());
            case "SubscriptionConfirmation" -> List.of(confirmation(base, m));
            default -> List.of(base.unknown(m.type(), Optional.empty(), "an SNS message of type " + m.type()));
        };
    }

    private ProviderEvent confirmation(Base base, SnsMessage m) {
        String kind = "SubscriptionConfirmation";
        URI url;
        try {
            url = new URI(m.subscribeUrl().orElse(""));
        } catch (URISyntaxException e) {
            return base.unknown(kind, Optional.empty(), "a SubscriptionConfirmation whose SubscribeURL is no URL");
        }
        if (config.isEmpty() || !config.get().confirmSubscriptions()) {
            return new ProviderEvent.SubscriptionConfirmation(base.info(kind), m.topicArn(), url,
                    Confirmation.NOT_CONFIGURED, Optional.empty());
        }
        Optional<URI> sns = SnsCheck.snsUrl(url.toString());
        if (sns.isEmpty()) {
            return new ProviderEvent.SubscriptionConfirmation(base.info(kind), m.topicArn(), url,
                    Confirmation.FAILED, Optional.of("SubscribeURL is not an HTTPS URL of an SNS host"));
        }
        try {
            config.get().fetcher().get(sns.get(), MAX_ANSWER);
            return new ProviderEvent.SubscriptionConfirmation(base.info(kind), m.topicArn(), url,
                    Confirmation.CONFIRMED, Optional.empty());
        } catch (IOException e) {
            return new ProviderEvent.SubscriptionConfirmation(base.info(kind), m.topicArn(), url,
                    Confirmation.FAILED, Optional.of(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void forget(String replayToken) {
        guard.ifPresent(g -> g.forget(replayToken));
    }
}
