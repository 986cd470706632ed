package org.mailoutcome.spring;

import org.mailoutcome.jakarta.OutcomeMailerBuilder;

/**
 * Changes the auto-configured mailer's builder after {@code spring.mail.*} and {@code mail.outcome.*} have been
 * applied, as Boot's own {@code *Customizer} beans do: add a {@code RetryHandOff}, a {@code ForwardPolicy} with a
 * {@code ForwardApproval}, a {@code ForwardRouter}, a {@code Sleeper}, a handler... without replacing the
 * {@code OutcomeMailer} bean and losing the properties.
 *
 * <pre>{@code
 * @Bean
 * OutcomeMailerBuilderCustomizer greylistingSleeper(Sleeper sleeper) {
 *     return builder -> builder.sleeper(sleeper);
 * }
 * }</pre>
 *
 * <p>Every customizer bean is applied once, in the order of {@code @Order} or {@code Ordered} (unordered ones
 * last), on the thread that creates the mailer; the last to set an option wins. Not applied to an
 * {@code OutcomeMailer} bean the application defines itself.
 */
@FunctionalInterface
public interface OutcomeMailerBuilderCustomizer {
    /**
     * Changes the builder; the mailer is built when every customizer has run.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(OutcomeMailerBuilder builder);
}
