package org.mailoutcome.spring;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Matches when at least one {@code mail.outcome.providers.<name>.enabled} is true. */
final class AnyProviderEnabled extends AnyNestedCondition {

    AnyProviderEnabled() {
        super(ConfigurationPhase.PARSE_CONFIGURATION);
    }

    @ConditionalOnProperty(prefix = "mail.outcome.providers.ses", name = "enabled", havingValue = "true")
    static class Ses {
    }

    @ConditionalOnProperty(prefix = "mail.outcome.providers.sendgrid", name = "enabled", havingValue = "true")
    static class SendGrid {
    }

    @ConditionalOnProperty(prefix = "mail.outcome.providers.mailgun", name = "enabled", havingValue = "true")
    static class Mailgun {
    }

    @ConditionalOnProperty(prefix = "mail.outcome.providers.postmark", name = "enabled", havingValue = "true")
    static class Postmark {
    }

    @ConditionalOnProperty(prefix = "mail.outcome.providers.sparkpost", name = "enabled", havingValue = "true")
    static class SparkPost {
    }

    @ConditionalOnProperty(prefix = "mail.outcome.providers.mailjet", name = "enabled", havingValue = "true")
    static class Mailjet {
    }
}
