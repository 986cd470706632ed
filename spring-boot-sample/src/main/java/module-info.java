/** A runnable Spring Boot application that sends through mail-outcome's {@code JavaMailSender}. */
module org.mailoutcome.spring.sample {
    requires org.mailoutcome.spring;
    requires org.mailoutcome.testkit;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.boot.web.server;
    requires spring.context;

    exports org.mailoutcome.spring.sample;
    opens org.mailoutcome.spring.sample to spring.core, spring.beans, spring.context;
}
