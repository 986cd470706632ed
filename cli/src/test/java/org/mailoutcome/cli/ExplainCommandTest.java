package org.mailoutcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailoutcome.Comparison;
import org.mailoutcome.DeliveryOutcome.MailboxUnavailable;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.Explanation;
import org.mailoutcome.Reason;

class ExplainCommandTest {
    /** The file the README quotes, relative to the cli module. */
    private static final Path EXPLAIN_252_551 = Path.of("..", "docs", "explain-252-551.txt");

    @Test
    void aCodeIsExplainedByTheRecordItGivesAtRcpt() {
        CliRun run = CliRun.of("", "explain", "252");
        assertThat(run.status()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("252: AcceptedUnverified (SUCCESS, as a reply to RCPT)");
        assertThat(run.out()).contains("Cannot VRFY user, but will accept message and attempt delivery",
                "2yz positive completion", "2.1.5 Destination address valid");
        assertThat(flat(run)).contains("summary " + Explanation.of(252).summary(),
                "what to do " + Explanation.of(252).action());
    }

    @Test
    void aRecordNameMatchesWhateverItsCase() {
        CliRun run = CliRun.of("", "explain", "notlocalnorelay");
        assertThat(run.status()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("NotLocalNoRelay (PERMANENT)");
        assertThat(run.out()).contains("551 User not local; please try <forward-path>",
                "5.1.6 Destination mailbox has moved, No forwarding address");
        assertThat(flat(run)).contains("meaning " + Explanation.of(NotLocalNoRelay.class).description(),
                "when you see it " + Explanation.of(NotLocalNoRelay.class).whenSeen());
    }

    @Test
    void aReasonIsExplainedToo() {
        CliRun run = CliRun.of("", "explain", "greylisted");
        assertThat(run.lines().get(0)).isEqualTo("GREYLISTED (a Reason)");
        assertThat(flat(run)).contains("what to do " + Explanation.of(Reason.GREYLISTED).action());
    }

    @Test
    void twoCodesAreShownSideBySideWithTheKeyDifference() {
        CliRun run = CliRun.of("", "explain", "251", "551");
        assertThat(run.status()).isZero();
        assertThat(run.lines().get(0).strip()).matches("251 +551");
        assertThat(run.lines()).anyMatch(l -> l.matches("class +2yz positive completion +5yz permanent negative "
                + "completion"));
        assertThat(run.lines()).anyMatch(l -> l.matches("record +WillForward \\(SUCCESS\\) +NotLocalNoRelay "
                + "\\(PERMANENT\\)"));
        assertThat(flat(run)).contains("key difference " + Comparison.of(251, 551).keyDifference());
    }

    @Test
    void aCodeAndARecordCanBeCompared() {
        CliRun run = CliRun.of("", "explain", "252", "MailboxUnavailable");
        assertThat(run.status()).isZero();
        assertThat(run.lines().get(0).strip()).matches("252 +MailboxUnavailable");
        assertThat(flat(run)).contains("key difference " + Comparison.of(Comparison.Side.ofCode(252),
                Comparison.Side.ofRecord(MailboxUnavailable.class)).keyDifference());
    }

    @Test
    void outputFitsInOneHundredColumns() {
        CliRun classify = CliRun.of("", "classify", "--format", "text",
                "551 5.1.6 User not local; please try <x@new.example>");
        for (CliRun run : List.of(CliRun.of("", "explain", "252", "551"), CliRun.of("", "explain", "535"), classify)) {
            assertThat(run.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        }
    }

    @Test
    void theCheckedInExplanationOf252And551IsWhatTheCommandPrints() throws IOException {
        String fresh = CliRun.of("", "explain", "252", "551").out();
        String checkedIn = Files.exists(EXPLAIN_252_551)
                ? Files.readString(EXPLAIN_252_551, StandardCharsets.UTF_8) : "(missing)";
        assertThat(checkedIn).as("docs/explain-252-551.txt is out of date; regenerate it from the repository root "
                + "with: mvn -q -pl cli -am install -DskipTests && java -jar cli/target/mail-outcome.jar "
                + "explain 252 551 > docs/explain-252-551.txt").isEqualTo(fresh);
    }

    @Test
    void classifyTextShowsTheSummaryAndTheActionUnderEachOutcome() {
        CliRun run = CliRun.of("", "classify", "--format", "text",
                "551 5.1.6 User not local; please try <x@new.example>", "250 2.1.5 Ok");
        assertThat(run.lines().get(0)).startsWith("NotLocalNoRelay").contains("x@new.example");
        assertThat(run.lines().get(1)).isEqualTo("    551 5.1.6 User not local; please try <x@new.example>");
        assertThat(run.lines().get(2)).startsWith("    summary: The server refuses the message");
        Explanation moved = Explanation.of(NotLocalNoRelay.class);
        assertThat(flat(run)).contains("summary: " + moved.summary() + " action: " + moved.action() + " Accepted");
        assertThat(run.lines()).filteredOn(l -> l.startsWith("    action:  ")).hasSize(2);
    }

    @Test
    void wrongArgumentsAreUsageErrors() {
        assertThat(CliRun.of("", "explain").err()).contains("Missing required parameter: 'CODE|RECORD|REASON'")
                .contains("Usage: mail-outcome explain [-hV] CODE|RECORD|REASON [CODE|RECORD]");
        assertThat(CliRun.of("", "explain", "1", "2", "3").status()).isEqualTo(2);
        CliRun unknown = CliRun.of("", "explain", "Bounced");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown code or record Bounced").contains("NotLocalNoRelay");
        assertThat(CliRun.of("", "explain", "600").err()).contains("a reply code is 100 to 599: 600");
        assertThat(CliRun.of("", "explain", "551", "moved").err()).contains("a reason cannot be compared");
    }

    @Test
    void theToolsUsageListsExplain() {
        assertThat(CliRun.of("").err()).contains("mail-outcome: a command is needed")
                .containsPattern("\n  explain +What a reply code, an outcome record or a reason means");
    }

    /** The output with every run of blanks and line breaks made one space: wrapped text reads as written. */
    private static String flat(CliRun run) {
        return run.out().replaceAll("\\s+", " ");
    }
}
