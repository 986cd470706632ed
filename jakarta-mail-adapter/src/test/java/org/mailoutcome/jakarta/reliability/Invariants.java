package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.Disposition;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testkit.ReceivedMessage;

/**
 * What every report must satisfy whatever the server did, checked against what the server really recorded: one
 * outcome per envelope recipient in order, "maybe delivered" only at the end of data (with BDAT in one flight, at
 * any stage of that flight, since the end of data went with it), an accepted recipient really
 * received the message, every copy the server has is explained by a reported success or a lost end-of-data reply
 * to that address (so a recipient reported as not delivered did not receive it), and no address received the
 * message twice.
 */
final class Invariants {
    private Invariants() {
    }

    /**
     * Checks one report.
     *
     * @param report the report of one send
     * @param envelope the envelope addresses given to the send
     * @param received the messages the server recorded for this send only (all sessions closed)
     */
    static void check(DeliveryReport report, List<String> envelope, List<ReceivedMessage> received) {
        check(report, envelope, received, false);
    }

    /**
     * Checks one report of a send whose transactions may have carried the message in their one flight
     * ({@code flight}: pipelining with BDAT), where a reply lost at any stage of it leaves the message maybe delivered.
     */
    static void check(DeliveryReport report, List<String> envelope, List<ReceivedMessage> received, boolean flight) {
        assertThat(Messages.addresses(report)).as("one outcome per recipient, in order").isEqualTo(envelope);
        for (RecipientOutcome r : report.recipients()) {
            String described = r.address() + " " + r.attempts() + " server: " + received;
            assertThat(r.attempts()).as(described).allSatisfy(a -> {
                if (!flight && a.outcome() instanceof ConnectionLost lost && lost.afterEndOfData()) {
                    assertThat(lost.stage()).as("maybe delivered only after the end of data: " + described)
                            .isEqualTo(Stage.MESSAGE);
                }
            });
            long copies = received.stream()
                    .filter(m -> m.envelopeRecipients().contains(r.finalAddress().getAddress())).count();
            assertThat(copies).as("never delivered twice: " + described).isLessThanOrEqualTo(1);
            if (r.disposition() == Disposition.SUCCESS) {
                assertThat(copies).as("accepted means the server has it: " + described).isEqualTo(1);
            }
        }
        for (ReceivedMessage m : received) {
            for (String address : m.envelopeRecipients()) {
                assertThat(report.recipients()).as("the server's copy for %s is a reported success or a maybe: %s",
                        address, report).anyMatch(r -> explains(r, address));
            }
        }
    }

    /** The recipient was reported as delivered to the address, or an attempt to it lost the end-of-data reply. */
    private static boolean explains(RecipientOutcome r, String address) {
        boolean delivered = r.disposition() == Disposition.SUCCESS
                && r.finalAddress().getAddress().equalsIgnoreCase(address);
        return delivered || r.attempts().stream().anyMatch(a -> a.address().getAddress().equalsIgnoreCase(address)
                && isMaybe(a.outcome()));
    }

    /** Whether some attempt ended with the end-of-data reply lost. */
    static boolean maybeDelivered(RecipientOutcome r) {
        return r.attempts().stream().map(RecipientOutcome.Attempt::outcome).anyMatch(Invariants::isMaybe);
    }

    static boolean isMaybe(DeliveryOutcome outcome) {
        return outcome instanceof ConnectionLost lost && lost.afterEndOfData();
    }
}
