package org.mailoutcome.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Explanation;
import org.mailoutcome.Reason;

class OutcomeReferenceTest {
    /** The checked-in page, relative to the core module. */
    private static final Path PAGE = Path.of("..", "docs", "outcomes.md");

    @Test
    void checkedInPageIsAFreshRendering() throws IOException {
        if (Boolean.getBoolean("docs.regenerate")) Files.writeString(PAGE, OutcomeReference.render(), StandardCharsets.UTF_8);
        String checkedIn = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "(missing)";
        assertThat(checkedIn).as("docs/outcomes.md is out of date; regenerate it from the repository root with: "
                + OutcomeReference.REGENERATE).isEqualTo(OutcomeReference.render());
    }

    @Test
    void everyRecordAndEveryReasonHasASection() {
        String page = OutcomeReference.render();
        Explanation.records().forEach(r -> assertThat(page).contains("\n### " + r.getSimpleName() + "\n"));
        for (Reason reason : Reason.values()) assertThat(page).contains("\n### " + reason + "\n");
    }

    @Test
    void everyExampleStillClassifiesAsTheRecordItWasChosenFor() {
        List<OutcomeReference.Example> examples = OutcomeReference.Example.load();
        assertThat(examples).hasSizeGreaterThan(40);
        for (OutcomeReference.Example x : examples) {
            assertThat(x.outcome().name()).as(x.reply()).isEqualTo(x.record());
        }
    }

    @Test
    void everyRecordWithAReplyHasARealExample() {
        List<String> shown = OutcomeReference.Example.load().stream().map(OutcomeReference.Example::record).toList();
        Explanation.records().stream().filter(r -> r != DeliveryOutcome.ConnectionLost.class)
                .forEach(r -> assertThat(shown).as(r.getSimpleName()).contains(r.getSimpleName()));
    }

    @Test
    void codesAreFoundByClassifyingEveryStandardCodeAtEveryStage() {
        assertThat(OutcomeReference.codesGiving(DeliveryOutcome.Accepted.class))
                .anyMatch(line -> line.startsWith("`250` Requested mail action okay, completed"))
                .anyMatch(line -> line.startsWith("`354` at DATA: Start mail input"));
        assertThat(OutcomeReference.codesGiving(DeliveryOutcome.Unexpected.class))
                .anyMatch(line -> line.startsWith("`354` except at DATA:"));
        assertThat(OutcomeReference.enhancedDeciding(DeliveryOutcome.NotLocalNoRelay.class)).containsExactly(
                "`X.1.6` Destination mailbox has moved, No forwarding address, with any other 5yz code at RCPT");
        assertThat(OutcomeReference.enhancedDeciding(DeliveryOutcome.InsufficientStorage.class))
                .containsExactly("`X.5.3` Too many recipients, with 552 at RCPT");
    }
}
