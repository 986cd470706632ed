package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;

class FateTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    private static final Fate PENDING = new Fate.Pending();
    private static final Fate DELAYED = new Fate.Delayed(T, Optional.empty());
    private static final Fate DELIVERED = new Fate.Delivered(T);
    private static final Fate BOUNCED = new Fate.Bounced(DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 gone"), T);
    private static final Fate NOT_ACCEPTED = new Fate.NotAccepted();

    @Test
    void aPendingRecipientCanBeDelayedDeliveredOrBounced() {
        assertThat(List.of(DELAYED, DELIVERED, BOUNCED)).allMatch(PENDING::allows);
        assertThat(PENDING.allows(NOT_ACCEPTED)).isFalse();
        assertThat(PENDING.allows(PENDING)).isFalse();
    }

    @Test
    void aBounceWithoutAReasonOfItsOwnHasItsReplysAndOneWithOneKeepsIt() {
        DeliveryOutcome reply = DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 gone");
        assertThat(((Fate.Bounced) BOUNCED).reason()).isEqualTo(org.mailoutcome.Reason.USER_UNKNOWN);
        assertThat(new Fate.Bounced(reply, org.mailoutcome.Reason.EXPIRED, T).reason())
                .isEqualTo(org.mailoutcome.Reason.EXPIRED);
        assertThat(new Fate.Bounced(reply, org.mailoutcome.Reason.EXPIRED, T)).isNotEqualTo(BOUNCED);
    }

    @Test
    void deliveredIsNeverFinalButOnlyABounceMovesIt() {
        assertThat(DELIVERED.isFinal()).isFalse();
        assertThat(DELIVERED.allows(BOUNCED)).isTrue();
        assertThat(DELIVERED.allows(DELAYED)).isFalse();
        assertThat(DELIVERED.allows(new Fate.Delivered(T.plusSeconds(1)))).isFalse();
    }

    @Test
    void aDelayIsReplacedByALaterDelayOnly() {
        assertThat(DELAYED.allows(new Fate.Delayed(T.plusSeconds(60), Optional.empty()))).isTrue();
        assertThat(DELAYED.allows(new Fate.Delayed(T.minusSeconds(60), Optional.empty()))).isFalse();
        assertThat(DELAYED.allows(DELIVERED)).isTrue();
        assertThat(DELAYED.allows(BOUNCED)).isTrue();
    }

    @Test
    void bouncedAndNotAcceptedAreFinal() {
        for (Fate fate : List.of(BOUNCED, NOT_ACCEPTED)) {
            assertThat(fate.isFinal()).isTrue();
            assertThat(List.of(PENDING, DELAYED, DELIVERED, BOUNCED, NOT_ACCEPTED)).noneMatch(fate::allows);
        }
    }

    @Test
    void aRecipientTheServerTookStartsPendingAndOneItRefusedStartsNotAccepted() {
        assertThat(Fate.initial(DeliveryOutcome.classify(Stage.RCPT, "252 2.1.5 Cannot VRFY user"))).isEqualTo(PENDING);
        assertThat(Fate.initial(DeliveryOutcome.classify(Stage.RCPT, "550 5.1.1 unknown"))).isEqualTo(NOT_ACCEPTED);
        assertThat(Fate.initial(DeliveryOutcome.classify(Stage.RCPT, "451 4.7.1 later"))).isEqualTo(NOT_ACCEPTED);
        assertThat(Fate.initial(new DeliveryOutcome.ConnectionLost(Stage.MESSAGE, true, "EOF"))).isEqualTo(PENDING);
        assertThat(Fate.initial(new DeliveryOutcome.ConnectionLost(Stage.RCPT, false, "EOF"))).isEqualTo(NOT_ACCEPTED);
    }

    @Test
    void everyFateIsCoveredByTheseTests() {
        assertThat(Arrays.stream(Fate.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("Pending", "NotAccepted", "Delayed", "Delivered", "Bounced");
        assertThat(List.of(PENDING, DELAYED, DELIVERED, BOUNCED, NOT_ACCEPTED).stream().map(Fate::name))
                .containsExactlyInAnyOrder("Pending", "NotAccepted", "Delayed", "Delivered", "Bounced");
    }
}
