package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;

/** The benchmarks measure what they say: requests accepted, batches of the right size, refusals refused. */
class ProviderEventsBenchmarkTest {

    @Test
    void everyBenchmarkedMailgunRequestIsNewAndAccepted() throws GeneralSecurityException {
        ProviderEventsBenchmark b = new ProviderEventsBenchmark();
        b.build();
        b.verifier();
        for (int i = 0; i < 2_000; i++) {
            ParseResult r = b.verifyAndParse();
            assertThat(r).isInstanceOf(ParseResult.Accepted.class);
            assertThat(((ParseResult.Accepted) r).events()).singleElement().isInstanceOf(ProviderEvent.Delivered.class);
        }
        b.check();
    }

    @Test
    void aRequestSignedWithAnotherKeyWouldFailTheRun() throws GeneralSecurityException {
        ProviderEventsBenchmark b = new ProviderEventsBenchmark();
        b.build();
        b.verifier();
        ProviderEvents other = ProviderEvents.builder().verify(Provider.MAILGUN, Verification.mailgun("other")).build();
        assertThat(other.parse(Provider.MAILGUN, b.request(), Map.of())).isInstanceOf(ParseResult.Refused.class);
    }

    @Test
    void batchesHaveTheirEventsAndGrowLinearly() throws IOException {
        ProviderEvents events = ProviderEvents.builder().verify(Provider.SENDGRID, Verification.none()).build();
        for (int n : new int[] {1, 100, 25_000}) {
            byte[] batch = ProviderEventsSizeBenchmark.batch(n);
            assertThat(batch.length).isLessThan((int) ProviderEvents.DEFAULT_MAX_BYTES);
            ParseResult r = events.parse(Provider.SENDGRID, batch, Map.of());
            assertThat(((ParseResult.Accepted) r).events()).hasSize(n).noneMatch(e -> e instanceof ProviderEvent.Unknown);
        }
        double perEvent = (double) ProviderEventsSizeBenchmark.batch(10_000).length / 10_000;
        assertThat(perEvent / ProviderEventsSizeBenchmark.batch(100).length * 100).isBetween(0.95, 1.1);
        ProviderEventsSizeBenchmark size = new ProviderEventsSizeBenchmark();
        ProviderEventsSizeBenchmark.Batch one = new ProviderEventsSizeBenchmark.Batch();
        one.size = 1;
        one.build();
        assertThat(((ParseResult.Accepted) size.parse(one)).events()).hasSize(1);
        assertThat(size.refuseOversizedArray()).isInstanceOf(ParseResult.TooLarge.class);
        assertThat(size.refuseEndlessStream()).isInstanceOf(ParseResult.TooLarge.class);
    }
}
