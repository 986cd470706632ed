package org.mailoutcome.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;
import picocli.CommandLine.Option;

/**
 * Mixin of {@code events}: how a saved payload is verified. Keys come from the environment the command was handed,
 * never from a flag: {@value #MAILGUN_KEY} (Mailgun's HTTP webhook signing key), {@value #SENDGRID_KEY} (SendGrid's
 * verification key). SES's SNS signature is checked against the certificate SNS names (fetched over HTTPS from
 * {@code sns.<region>.amazonaws.com}) and the topics of {@code --topic-arn}. Postmark, SparkPost and Mailjet sign
 * nothing in the payload (basic authentication protects the request), so a file of theirs needs {@code --no-verify}.
 */
final class EventVerification {
    static final String MAILGUN_KEY = "MAIL_OUTCOME_MAILGUN_SIGNING_KEY";
    static final String SENDGRID_KEY = "MAIL_OUTCOME_SENDGRID_VERIFICATION_KEY";

    @Option(names = "--no-verify", description = "Read the files without verifying them: for payloads saved after "
            + "they were verified.")
    boolean noVerify;

    @Option(names = "--topic-arn", paramLabel = "ARN", description = "SES: an SNS topic whose notifications are "
            + "accepted (repeat for more).")
    List<String> topicArns = List.of();

    @Option(names = "--max-age", paramLabel = "DURATION", converter = DurableRetryOptions.DurationConverter.class,
            description = "How old a signed payload may be (e.g. 30d, 12h; default: the provider's window of "
                    + "minutes), for files saved a while ago.")
    Duration maxAge;

    /** The verification of the provider's files. */
    Verification of(Provider provider, Map<String, String> environment) {
        if (noVerify) return Verification.none();
        Duration window = maxAge;
        switch (provider) {
            case SES:
                if (topicArns.isEmpty()) throw new UsageException("--provider ses needs --topic-arn (or --no-verify)");
                Verification.Sns sns = Verification.sns(topicArns);
                return window == null ? sns : sns.withMaxAge(window);
            case MAILGUN:
                Verification.MailgunSignature mailgun = Verification.mailgun(key(environment, MAILGUN_KEY, provider));
                return window == null ? mailgun : mailgun.withMaxAge(window);
            case SENDGRID:
                Verification.SendGridSignature sendGrid = Verification.sendGrid(key(environment, SENDGRID_KEY,
                        provider));
                return window == null ? sendGrid : sendGrid.withMaxAge(window);
            default:
                throw new UsageException(provider.id() + " signs nothing in its payload (basic authentication "
                        + "protects the request): read a saved file with --no-verify");
        }
    }

    private static String key(Map<String, String> environment, String variable, Provider provider) {
        String key = environment.get(variable);
        if (key == null || key.isBlank()) {
            throw new UsageException("--provider " + provider.id() + " needs " + variable + " in the environment "
                    + "(or --no-verify)");
        }
        return key;
    }
}
