package org.mailoutcome.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;

/** Prints a delivery report: one row per envelope recipient, its original address first. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(DeliveryReport report, OutcomeFormat format, boolean header, PrintStream out) {
        if (header && format == OutcomeFormat.TSV) {
            List<String> names = new ArrayList<>(List.of("address"));
            names.addAll(OutcomeFormat.COLUMNS);
            out.println(String.join("\t", names));
        }
        for (RecipientOutcome r : report.recipients()) {
            out.println(format.row(List.of("address"), List.of(r.address().getAddress()), r.outcome()));
            if (format != OutcomeFormat.TEXT) continue;
            if (r.attempts().size() > 1) {
                for (RecipientOutcome.Attempt attempt : r.attempts()) {
                    out.println("    attempt: " + attempt.address().getAddress() + " -> "
                            + DeliveryReport.describe(attempt.outcome()));
                }
            }
            if (r.outcome() instanceof DeliveryOutcome.Suppressed s) {
                out.println("    not sent: on the suppression list (" + s.kind() + ") since " + s.since()
                        + s.until().map(t -> " until " + t).orElse("") + "; cause: " + s.evidence());
            }
            if (r.isRewritten()) {
                out.println("    sent to " + r.finalAddress().getAddress() + ": the address book knew it moved ("
                        + r.knownForward().orElseThrow().provenance().describe() + ")");
            } else if (r.knownForward().isPresent()) {
                out.println("    forward path known: " + r.knownForward().get().newAddress() + " (not followed: the "
                        + "forward policy does not allow it)");
            }
        }
        if (format == OutcomeFormat.TEXT) {
            report.queueId().ifPresent(id -> out.println("queue id: " + id));
            out.println(report.accepted().size() + " accepted, " + report.deferred().size() + " deferred, "
                    + report.rejected().size() + " rejected");
        }
    }
}
