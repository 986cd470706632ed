package org.mailoutcome.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;
import org.mailoutcome.testsupport.Concurrently;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.MovedAddress;

/** What every {@link AddressBook} must do, run on the in-memory book, on H2 and on PostgreSQL. */
abstract class AddressBookContract {
    static final Instant T = Instant.parse("2026-12-01T10:00:00.123456Z");
    static final Evidence REPLY = new Evidence.Outcome(Optional.of("s1"), Optional.of("<m1@client.test>"),
            DeliveryOutcome.classify(Stage.RCPT, "551 5.1.6 <old@lab.test>: Recipient address rejected: User not "
                    + "local; please try <new@lab.test>"), T);

    /** A new, empty book. */
    abstract AddressBook book() throws Exception;

    @Test
    void aMoveIsNewsOnceAndALaterMoveReplacesIt() throws Exception {
        AddressBook book = book();
        MovedAddress moved = new MovedAddress("Old@Lab.test", "new@lab.test", REPLY);

        assertThat(book.learn(moved)).isTrue();
        assertThat(book.learn(new MovedAddress("old@lab.test", "NEW@lab.test", new Evidence.Manual("", T))))
                .as("the same fact again").isFalse();
        assertThat(book.find("OLD@lab.test")).contains(moved);
        MovedAddress later = new MovedAddress("old@lab.test", "newer@lab.test", new Evidence.Bounce("s2",
                "<n@mx.test>", DeliveryOutcome.classify(Stage.RCPT, "550 5.1.6 User has moved to <newer@lab.test>"),
                T.plusSeconds(60)));
        assertThat(book.learn(later)).isTrue();
        assertThat(book.find("old@lab.test")).contains(later);
    }

    @Test
    void lookupReadsAWholeEnvelopeAtOnce() throws Exception {
        AddressBook book = book();
        book.learn(new MovedAddress("a@lab.test", "a2@lab.test", REPLY));
        book.learn(new MovedAddress("x1400@lab.test", "y@lab.test", REPLY));
        List<String> envelope = IntStream.range(0, 1500).mapToObj(i -> "x" + i + "@lab.test").toList();

        assertThat(book.lookup(envelope)).containsOnlyKeys("x1400@lab.test");
        assertThat(book.lookup(List.of("A@lab.test", "b@lab.test"))).containsOnlyKeys("a@lab.test");
        assertThat(book.lookup(List.of())).isEmpty();
    }

    @Test
    void listPagesByOldAddressAndRemoveForgets() throws Exception {
        AddressBook book = book();
        for (String a : List.of("c", "a", "b")) book.learn(new MovedAddress(a + "@lab.test", a + "2@lab.test", REPLY));

        assertThat(book.list(Optional.empty(), 2)).extracting(MovedAddress::oldAddress)
                .containsExactly("a@lab.test", "b@lab.test");
        assertThat(book.list(Optional.of("b@lab.test"), 2)).extracting(MovedAddress::oldAddress)
                .containsExactly("c@lab.test");
        assertThat(book.remove("B@lab.test")).isTrue();
        assertThat(book.remove("b@lab.test")).isFalse();
        assertThat(book.find("b@lab.test")).isEmpty();
    }

    @Test
    void twoLearnersOfTheSameMoveAtOnceHearItIsNewsOnce() throws Exception {
        AddressBook book = book();
        for (int round = 0; round < 10; round++) {
            MovedAddress moved = new MovedAddress("o" + round + "@lab.test", "n" + round + "@lab.test", REPLY);
            assertThat(Concurrently.run(() -> book.learn(moved), () -> book.learn(moved))).as(moved.oldAddress())
                    .containsExactlyInAnyOrder(true, false);
        }
    }
}
