/** A runnable Spring Boot application that sends through mail-outcome's {@code JavaMailSender}. */
module org.mailoutcome.spring.sample {
    requires org.mailoutcome.spring;
    requires org.mailoutcome.testkit;
    requires spring.boot;
    requires spring.boot.autoconfigure;

    exports org.mailoutcome.spring.sample;
    opens org.mailoutcome.spring.sample to spring.core, spring.beans, spring.context;
}
