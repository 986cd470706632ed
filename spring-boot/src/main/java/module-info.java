/**
 * Spring Boot auto-configuration for mail-outcome: an {@code OutcomeMailer} and a {@code JavaMailSender} that
 * reports every recipient, built from {@code spring.mail.*} and {@code mail.outcome.*}; outcome events; Micrometer
 * metrics; a health indicator that checks the server through the pool.
 */
module org.mailoutcome.spring {
    requires transitive org.mailoutcome.jakarta;
    requires transitive spring.context;
    requires transitive spring.context.support;
    requires spring.beans;
    requires spring.core;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires org.slf4j;
    requires static spring.boot.health;
    requires static micrometer.core;
    requires static org.mailoutcome.bounce;
    requires static org.mailoutcome.jdbc;
    requires static org.mailoutcome.providers;
    requires static jakarta.servlet;
    requires static java.sql;
    requires static spring.web;
    requires static spring.webmvc;
    requires static spring.boot.actuator;
    requires static spring.boot.actuator.autoconfigure;

    exports org.mailoutcome.spring;
    // Spring reads the configuration classes, the properties records and the event listeners reflectively.
    opens org.mailoutcome.spring to spring.core, spring.beans, spring.context, spring.boot;
}
