package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

class ReplyCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {"successfulSend", "postfix", "outcomes"})
    void everyReplyOfAMixParses(String mix) {
        assertThat(ReplyCorpus.mix(mix)).isNotEmpty()
                .allSatisfy(entry -> assertThat(SmtpReply.tryParse(entry.raw())).isPresent());
    }

    @Test
    void postfixMixHasEveryReplyThatAnswersAStage() {
        assertThat(ReplyCorpus.mix("postfix")).hasSize(75)
                .anySatisfy(e -> assertThat(e.raw()).startsWith("250-mx.lab.test\r\n250-PIPELINING"));
        assertThat(ReplyCorpus.stageOfCommand("FOO")).isEmpty();
        assertThat(ReplyCorpus.stageOfCommand("<message body>.")).contains(Stage.MESSAGE);
    }

    @Test
    void longRepliesHaveTheExactLengthAndMatchNoPhrase() {
        for (boolean multiLine : new boolean[] {true, false}) {
            String raw = ClassifyLengthBenchmark.reply(1024, multiLine);
            SmtpReply reply = SmtpReply.parse(raw);

            assertThat(raw).hasSize(1024);
            assertThat(reply.code()).isEqualTo(550);
            assertThat(reply.lines()).hasSize(multiLine ? 14 : 1);
            assertThat(DeliveryOutcome.classify(Stage.RCPT, reply))
                    .isInstanceOf(DeliveryOutcome.MailboxUnavailable.class)
                    .satisfies(o -> assertThat(o.reason()).isEqualTo(org.mailoutcome.Reason.POLICY));
        }
    }
}
