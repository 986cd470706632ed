package org.mailoutcome.jakarta.internal;

import java.util.ArrayList;
import java.util.List;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.InsufficientStorage;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.ProbeMethod;
import org.mailoutcome.jakarta.ProbeResult;

/**
 * One probe run over one connection: VRFY, RCPT or AUTO for a list of addresses, one result each, in order.
 *
 * <p>RCPT probing opens one transaction ({@code MAIL FROM}) for many {@code RCPT TO}s and ends it with
 * {@code RSET}; {@code DATA} is never sent. When a {@code RCPT} is refused for too many recipients (452, or 552
 * meaning it) and the transaction already holds a recipient, the transaction is reset and a new one asks again.
 * A refused {@code MAIL FROM} is the result of every address still to be asked. Once the connection breaks
 * (421, lost, unexpected reply), every address not yet answered gets the outcome that broke it.
 */
final class Prober {
    private final ProbeDialogue dialogue;
    private final ProbeMethod method;
    private final String mailFrom;
    private final ProbeResult[] results;
    private final List<String> addresses;

    private Prober(ProbeDialogue dialogue, ProbeMethod method, String mailFrom, List<String> addresses) {
        this.dialogue = dialogue;
        this.method = method;
        this.mailFrom = mailFrom;
        this.addresses = addresses;
        this.results = new ProbeResult[addresses.size()];
    }

    /** Probes every address on the dialogue's connection. */
    static List<ProbeResult> run(ProbeDialogue dialogue, ProbeMethod method, String mailFrom, List<String> addresses) {
        return new Prober(dialogue, method, mailFrom, addresses).run();
    }

    /** Whether AUTO asks again with RCPT after this VRFY outcome: 252, or VRFY not implemented (500, 502). */
    static boolean fallsBackToRcpt(DeliveryOutcome vrfy) {
        int code = vrfy.code().orElse(0);
        return vrfy instanceof AcceptedUnverified || code == 500 || code == 502;
    }

    private List<ProbeResult> run() {
        List<Integer> forRcpt = new ArrayList<>();
        if (method == ProbeMethod.RCPT) {
            for (int i = 0; i < results.length; i++) forRcpt.add(i);
        } else {
            forRcpt = vrfyEach();
        }
        rcptAll(forRcpt);
        return List.of(results);
    }

    /** VRFY for every address; returns those AUTO asks again with RCPT. After a 500/502, AUTO skips VRFY. */
    private List<Integer> vrfyEach() {
        List<Integer> forRcpt = new ArrayList<>();
        boolean vrfyImplemented = true;
        for (int i = 0; i < results.length; i++) {
            if (!vrfyImplemented) {
                forRcpt.add(i);
                continue;
            }
            boolean utf8 = !ProbeCommands.isAscii(addresses.get(i)) && dialogue.supportsSmtpUtf8();
            DeliveryOutcome outcome = dialogue.send(Stage.VRFY, ProbeCommands.vrfy(addresses.get(i), utf8));
            results[i] = new ProbeResult(addresses.get(i), outcome, ProbeMethod.VRFY);
            if (method == ProbeMethod.AUTO && dialogue.breakOff().isEmpty() && fallsBackToRcpt(outcome)) {
                forRcpt.add(i);
                vrfyImplemented = outcome instanceof AcceptedUnverified;
            }
        }
        return forRcpt;
    }

    /** RCPT for the given addresses, in as many transactions as the server's recipient limit needs. */
    private void rcptAll(List<Integer> indexes) {
        if (indexes.isEmpty()) return;
        boolean utf8 = dialogue.supportsSmtpUtf8() && indexes.stream().map(addresses::get)
                .anyMatch(a -> !ProbeCommands.isAscii(a));
        int inTransaction = -1;
        for (int n = 0; n < indexes.size(); n++) {
            int i = indexes.get(n);
            if (inTransaction < 0) {
                DeliveryOutcome mail = dialogue.send(Stage.MAIL, ProbeCommands.mailFrom(mailFrom, utf8));
                if (!(mail instanceof DeliveryOutcome.Success)) {
                    for (int rest : indexes.subList(n, indexes.size())) record(rest, mail);
                    return;
                }
                inTransaction = 0;
            }
            DeliveryOutcome rcpt = dialogue.send(Stage.RCPT, ProbeCommands.rcptTo(addresses.get(i)));
            if (rcpt instanceof InsufficientStorage && inTransaction > 0 && dialogue.breakOff().isEmpty()) {
                dialogue.reset();
                inTransaction = -1;
                n--;
                continue;
            }
            record(i, rcpt);
            inTransaction++;
        }
        dialogue.reset();
    }

    private void record(int i, DeliveryOutcome outcome) {
        results[i] = new ProbeResult(addresses.get(i), outcome, ProbeMethod.RCPT);
    }
}
