package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.InMemoryAddressBook;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.Suppression;

/** The mailer with an address book, against the testkit's server: forward paths learnt once, then used. */
class AddressBookIT {
    private static final String MOVED = "551 5.1.6 <moved@example.test>: Recipient address rejected: User not local; "
            + "please try <new@example.test>";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final List<String> moves = new ArrayList<>();
    private final OutcomeHandler handler = new OutcomeHandler() {
        @Override
        public void onAddressMoved(InternetAddress oldAddress, InternetAddress newAddress) {
            moves.add(oldAddress.getAddress() + " -> " + newAddress.getAddress());
        }
    };

    private DeliveryReport send(OutcomeMailerBuilder builder, String... to) {
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = builder.handler(handler).readTimeout(Duration.ofSeconds(5)).build()) {
            return mailer.send(Mails.message(session, to));
        }
    }

    private static OutcomeMailerBuilder mailer() {
        return OutcomeMailer.builder(Mails.session(smtp.server()));
    }

    @Test
    void a551IsLearntOnceAndALaterSendGoesToTheNewAddressInOneTransaction() {
        smtp.on(Verb.RCPT, "moved@example.test").reply(MOVED);
        InMemoryAddressBook book = new InMemoryAddressBook();
        OutcomeMailerBuilder followingMailer = mailer().addressBook(book).forwardPolicy(ForwardPolicy.enabled().build());

        DeliveryReport first = send(followingMailer, "moved@example.test");
        assertThat(first.recipients().get(0).finalAddress().getAddress()).isEqualTo("new@example.test");
        MovedAddress learnt = book.find("moved@example.test").orElseThrow();
        assertThat(learnt.newAddress()).isEqualTo("new@example.test");
        assertThat(learnt.provenance()).isInstanceOfSatisfying(Evidence.Outcome.class,
                o -> assertThat(o.outcome()).isInstanceOf(DeliveryOutcome.NotLocalNoRelay.class));
        assertThat(moves).containsExactly("moved@example.test -> new@example.test");

        smtp.server().reset();
        smtp.on(Verb.RCPT, "moved@example.test").reply(MOVED);
        DeliveryReport second = send(mailer().addressBook(book).forwardPolicy(ForwardPolicy.enabled().build()),
                "moved@example.test", "other@example.test");

        assertThat(smtp.sessions()).hasSize(1);
        assertThat(Mails.rcpts(smtp.server())).containsExactly("RCPT TO:<new@example.test>", "RCPT TO:<other@example.test>");
        RecipientOutcome row = second.recipient("moved@example.test").orElseThrow();
        assertThat(row.isRewritten()).isTrue();
        assertThat(row.knownForward()).contains(learnt);
        assertThat(row.attempts()).singleElement().satisfies(a -> {
            assertThat(a.address().getAddress()).isEqualTo("new@example.test");
            assertThat(a.outcome()).isInstanceOf(DeliveryOutcome.Accepted.class);
        });
        assertThat(second.isFullyAccepted()).isTrue();
        assertThat(moves).as("fired once, when learnt").hasSize(1);
    }

    @Test
    void withoutAForwardPolicyTheRowSaysAForwardPathIsKnownAndTheMoveFiresOnce() {
        smtp.on(Verb.RCPT, "moved@example.test").reply(MOVED);
        InMemoryAddressBook book = new InMemoryAddressBook();

        send(mailer().addressBook(book), "moved@example.test");
        DeliveryReport second = send(mailer().addressBook(book), "moved@example.test");

        assertThat(Mails.rcpts(smtp.server())).containsExactly("RCPT TO:<moved@example.test>", "RCPT TO:<moved@example.test>");
        RecipientOutcome row = second.recipients().get(0);
        assertThat(row.isRewritten()).isFalse();
        assertThat(row.knownForward()).hasValueSatisfying(m -> assertThat(m.newAddress()).isEqualTo("new@example.test"));
        assertThat(row.movesLearnt()).isEmpty();
        assertThat(moves).containsExactly("moved@example.test -> new@example.test");
    }

    @Test
    void withoutAnAddressBookEveryMoveStillFires() {
        smtp.on(Verb.RCPT, "moved@example.test").reply(MOVED);

        send(mailer(), "moved@example.test");
        send(mailer(), "moved@example.test");

        assertThat(moves).hasSize(2);
    }

    @Test
    void aForwardPathToAnotherDomainIsKnownButNotFollowedUnderTheDefaultRule() {
        InMemoryAddressBook book = new InMemoryAddressBook();
        book.learn(new MovedAddress("dave@old.example", "dave@new.example", new Evidence.Manual("he told us",
                Instant.now())));

        DeliveryReport report = send(mailer().addressBook(book).forwardPolicy(ForwardPolicy.enabled().build()),
                "dave@old.example");

        assertThat(Mails.rcpts(smtp.server())).containsExactly("RCPT TO:<dave@old.example>");
        assertThat(report.recipients().get(0).knownForward()).isPresent();
        assertThat(report.recipients().get(0).isRewritten()).isFalse();
    }

    @Test
    void aRewrittenAddressThatIsSuppressedIsNotSent() {
        InMemoryAddressBook book = new InMemoryAddressBook();
        book.learn(new MovedAddress("old@example.test", "new@example.test", new Evidence.Manual("", Instant.now())));
        InMemorySuppressionList list = new InMemorySuppressionList();
        list.put(Suppression.manual("new@example.test", "complained", Instant.now(), Optional.empty()));

        DeliveryReport report = send(mailer().addressBook(book).suppressions(list)
                .forwardPolicy(ForwardPolicy.enabled().build()), "old@example.test");

        assertThat(smtp.server().connectionsAccepted()).isZero();
        RecipientOutcome row = report.recipients().get(0);
        assertThat(row.outcome()).isInstanceOf(DeliveryOutcome.Suppressed.class);
        assertThat(row.finalAddress().getAddress()).isEqualTo("new@example.test");
    }

    @Test
    void aFollowedForwardFromTheNewAddressCountsTheRewriteAsTheFirstHop() {
        smtp.on(Verb.RCPT, "new@example.test").reply("551 5.1.6 User not local; please try <newer@example.test>");
        InMemoryAddressBook book = new InMemoryAddressBook();
        book.learn(new MovedAddress("old@example.test", "new@example.test", new Evidence.Manual("", Instant.now())));

        DeliveryReport report = send(mailer().addressBook(book).forwardPolicy(ForwardPolicy.enabled().build()),
                "old@example.test");

        assertThat(Mails.rcpts(smtp.server())).containsExactly("RCPT TO:<new@example.test>");
        assertThat(report.recipients().get(0).outcome()).isInstanceOf(DeliveryOutcome.NotLocalNoRelay.class);
        assertThat(book.find("new@example.test")).hasValueSatisfying(m -> assertThat(m.newAddress())
                .isEqualTo("newer@example.test"));
    }
}
