package org.mailoutcome.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
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
            if (format == OutcomeFormat.TEXT && r.attempts().size() > 1) {
                for (RecipientOutcome.Attempt attempt : r.attempts()) {
                    out.println("    attempt: " + attempt.address().getAddress() + " -> "
                            + DeliveryReport.describe(attempt.outcome()));
                }
            }
        }
        if (format == OutcomeFormat.TEXT) {
            report.queueId().ifPresent(id -> out.println("queue id: " + id));
            out.println(report.accepted().size() + " accepted, " + report.deferred().size() + " deferred, "
                    + report.rejected().size() + " rejected");
        }
    }
}
