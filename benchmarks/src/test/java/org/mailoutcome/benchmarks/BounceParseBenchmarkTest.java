package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailoutcome.Reason;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BounceParser;
import org.mailoutcome.bounce.BouncedRecipient;

class BounceParseBenchmarkTest {

    @Test
    void theBenchmarkedNoticesParseToOneAndManyUnknownUsersAtAHundredTimesTheSize() {
        for (int n : new int[] {1, BounceParseBenchmark.MANY}) {
            Bounce bounce = (Bounce) BounceParser.defaults().parse(BounceParseBenchmark.notice(n));
            assertThat(bounce.recipients()).hasSize(n).extracting(BouncedRecipient::reason)
                    .containsOnly(Reason.USER_UNKNOWN);
            assertThat(bounce.messageId()).contains("<1717408800.42@app.example.com>");
        }
        double ratio = (double) BounceParseBenchmark.notice(BounceParseBenchmark.MANY).length
                / BounceParseBenchmark.notice(1).length;
        assertThat(ratio).isBetween(99.0, 101.0);
    }
}
