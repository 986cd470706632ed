package org.mailoutcome.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each sample runs against its embedded server and prints what it promises. */
class SamplesIT {

    private static String run(ThrowingMain main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void dropInSendPrintsEveryRecipientsRecord() throws Exception {
        String out = run(() -> DropInSend.main(new String[0]));
        assertThat(out).contains("ok@example.test").contains("AcceptedUnverified").contains("moved to new@example.test")
                .contains("fully accepted: false");
    }

    @Test
    void typedCallbacksReachTheRightMethods() throws Exception {
        String out = run(() -> TypedCallbacks.main(new String[0]));
        assertThat(out).contains("unverified@example.test: accepted, but the server would not verify")
                .contains("grey@example.test: try again later (GREYLISTED)")
                .contains("nosuch@example.test: remove from the list (USER_UNKNOWN)")
                .contains("fwd@example.test: moved to f@new.example");
    }

    @Test
    void decodedExceptionGivesTheSameOutcomes() throws Exception {
        String out = run(() -> DecodeExistingException.main(new String[0]));
        assertThat(out).contains("NotLocalNoRelay").contains("new@example.test").contains("ok@example.test");
    }

    @Test
    void aProviderWebhookAcceptsTheSignedBounceAndRefusesTheForgeryAndTheReplay() throws Exception {
        String out = run(() -> ProviderWebhook.main(new String[0]));
        assertThat(out).contains("bounced gone@example.net (HARD): MailboxUnavailable USER_UNKNOWN, send S7x2Kq9p")
                .contains("genuine: HTTP 200").contains("forged:  HTTP 401").contains("replay:  HTTP 401")
                .contains("refusal=FORGED").contains("refusal=REPLAYED").contains("accepted 1, refused 2");
        assertThat(out.split("bounced ", -1)).hasSize(2);
    }
}
