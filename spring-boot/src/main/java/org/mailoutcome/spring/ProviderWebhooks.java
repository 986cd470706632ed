package org.mailoutcome.spring;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.ProviderReports;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.ProviderReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoints of {@code mail.outcome.providers.*}: a POST route per enabled provider that verifies and
 * parses the request ({@link ProviderEvents}, reading at most its size limit), gives every event to the
 * {@link DeliveryTracker}, and answers with the result's HTTP status. When the store fails, the request is released
 * from the replay guard and answered 503, so that the provider delivers it again.
 */
final class ProviderWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderWebhooks.class);

    private ProviderWebhooks() {
    }

    /** The verifications of the enabled endpoints; a missing key is an error naming the property. */
    static ProviderEvents events(MailOutcomeProvidersProperties properties) {
        ProviderEvents.Builder events = ProviderEvents.builder();
        properties.enabled().forEach((provider, endpoint) -> events.verify(provider, verification(provider, endpoint)));
        return events.build();
    }

    static Verification verification(Provider provider, MailOutcomeProvidersProperties.Endpoint e) {
        String prefix = "mail.outcome.providers." + provider.id() + ".";
        if (provider == Provider.SES) {
            if (e.topicArns().isEmpty()) throw new IllegalStateException(prefix + "topic-arns is required");
            Verification.Sns sns = Verification.sns(e.topicArns()).withConfirmSubscriptions(e.confirmSubscriptions());
            return e.maxAge() == null ? sns : sns.withMaxAge(e.maxAge());
        }
        if (provider == Provider.SENDGRID && e.verificationKey() != null) {
            Verification.SendGridSignature v = Verification.sendGrid(e.verificationKey());
            return e.maxAge() == null ? v : v.withMaxAge(e.maxAge());
        }
        if (provider == Provider.MAILGUN && e.signingKey() != null) {
            Verification.MailgunSignature v = Verification.mailgun(e.signingKey());
            return e.maxAge() == null ? v : v.withMaxAge(e.maxAge());
        }
        if (e.username() == null || e.password() == null) {
            String keys = provider == Provider.SENDGRID ? "verification-key, or " : provider == Provider.MAILGUN
                    ? "signing-key, or " : "";
            throw new IllegalStateException(prefix + "enabled=true needs " + prefix + keys + "username and password");
        }
        return Verification.basicAuth(e.username(), e.password());
    }

    /** The routes of the enabled endpoints. */
    static RouterFunction<ServerResponse> routes(MailOutcomeProvidersProperties properties, ProviderEvents events,
            DeliveryTracker tracker) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        properties.enabled().forEach((provider, endpoint) -> routes.POST(endpoint.pathFor(provider),
                request -> handle(provider, request, events, tracker)));
        return routes.build();
    }

    private static ServerResponse handle(Provider provider, ServerRequest request, ProviderEvents events,
            DeliveryTracker tracker) throws IOException {
        ParseResult result;
        try (InputStream body = request.servletRequest().getInputStream()) {
            result = events.parse(provider, body, headers(request));
        }
        if (result instanceof ParseResult.Accepted accepted) {
            try {
                for (ProviderReport report : ProviderReports.of(accepted)) tracker.ingest(report);
            } catch (DeliveryStoreException e) {
                events.release(accepted);
                LOG.warn("mail-outcome {} webhook: the store failed, answering 503 so that the provider delivers "
                        + "again: {}", provider.id(), e.toString());
                return ServerResponse.status(503).build();
            }
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("mail-outcome {} webhook: {}", provider.id(), result);
        }
        return ServerResponse.status(result.httpStatus()).build();
    }

    private static Map<String, List<String>> headers(ServerRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        var servlet = request.servletRequest();
        for (String name : java.util.Collections.list(servlet.getHeaderNames())) {
            headers.put(name, java.util.Collections.list(servlet.getHeaders(name)));
        }
        return headers;
    }
}
