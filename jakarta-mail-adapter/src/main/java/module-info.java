/**
 * mail-outcome for Jakarta Mail (Angus Mail): a drop-in replacement for {@code Transport.send} that reports a
 * typed outcome per recipient, a decoder for existing {@code MessagingException}s, and a transport listener.
 */
module org.mailoutcome.jakarta {
    requires transitive org.mailoutcome;
    requires transitive org.mailoutcome.tracking;
    requires transitive jakarta.mail;
    requires org.eclipse.angus.mail;
    requires org.slf4j;
    requires jdk.net;

    exports org.mailoutcome.jakarta;
    exports org.mailoutcome.jakarta.retry;
    // Jakarta Mail instantiates the recording transport reflectively.
    opens org.mailoutcome.jakarta.internal to jakarta.mail;
}
