/**
 * mail-outcome for Spring Boot 4.0 (and 3.5): add {@code mail-outcome-spring-boot-starter}, keep
 * {@code spring.mail.*}, and the {@code JavaMailSender} you inject reports every recipient.
 *
 * <ul>
 * <li>{@link org.mailoutcome.spring.MailOutcomeAutoConfiguration}: the {@code OutcomeMailer} and the
 *     {@link org.mailoutcome.spring.OutcomeJavaMailSender}, configured by
 *     {@link org.mailoutcome.spring.MailOutcomeProperties}.</li>
 * <li>{@link org.mailoutcome.spring.OutcomeMailerBuilderCustomizer}: beans that add to the mailer's builder after
 *     the properties (a retry hand-off, a forward approval, a sleeper...).</li>
 * <li>{@link org.mailoutcome.spring.MailOutcomeJdbcAutoConfiguration}: the delivery records and durable retries on
 *     the application's {@code DataSource} when {@code mail-outcome-jdbc} is on the class path.</li>
 * <li>{@link org.mailoutcome.spring.OutcomeMailSendException}: what {@code send(...)} throws when a recipient was
 *     not accepted, with the {@code DeliveryReport} of every message.</li>
 * <li>Events: {@link org.mailoutcome.spring.RecipientOutcomeEvent}, {@link org.mailoutcome.spring.AddressMovedEvent},
 *     {@link org.mailoutcome.spring.MailSentEvent}.</li>
 * <li>{@link org.mailoutcome.spring.MailOutcomeMetrics} and {@link org.mailoutcome.spring.MailOutcomeHealthIndicator}.</li>
 * </ul>
 *
 * <p>Null handling: parameters are never null unless documented; the properties records document their nullable
 * components. Threading: every bean is thread-safe; events are published on the sending thread, after the
 * message's outcome is known.
 */
package org.mailoutcome.spring;
