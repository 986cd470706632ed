package org.mailoutcome.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** Hostile and damaged input: never an exception, never more than the cap read. */
class HostileInputTest {
    private static final int FIFTY_MB = 50 * 1024 * 1024;
    private static final List<String> SEEDS = Corpus.mails();

    @Test
    void aFiftyMegabyteBounceIsReadOnlyUpToTheCap() throws IOException {
        byte[] head = BounceParserTest.report("Final-Recipient: rfc822; a@example.net\nAction: failed\n"
                + "Status: 5.1.1\n").replace("\n--B--\n", "\n--B\nContent-Type: message/rfc822\n\n")
                .getBytes(StandardCharsets.US_ASCII);
        Generated in = new Generated(head, FIFTY_MB, "Received: from x by y; Mon, 1 Jan 2024 00:00:00 +0000\n");
        ParsedMail mail = BounceParser.defaults().parse(in);
        assertThat(in.read).isLessThanOrEqualTo(BounceParser.DEFAULT_MAX_BYTES);
        assertThat(mail).isInstanceOfSatisfying(Bounce.class, b -> assertThat(b.recipients()).hasSize(1));
    }

    @Test
    void fiftyMegabytesOfOneHeaderLineOrOfRecipientFieldsCostOnlyTheCap() {
        for (String filler : List.of("X", "Final-Recipient: rfc822; a@example.net\nAction: failed\n\n",
                "--B\nContent-Type: multipart/mixed; boundary=B\n\n", "=?utf-8?q?=C3=A9?= ")) {
            byte[] head = "Content-Type: multipart/report; report-type=delivery-status; boundary=B\nSubject: "
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] big = new byte[FIFTY_MB];
            byte[] fill = filler.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, big, 0, head.length);
            for (int i = head.length; i < big.length; i++) big[i] = fill[(i - head.length) % fill.length];
            assertThat(BounceParser.defaults().parse(big)).as(filler).isNotNull();
        }
    }

    @Property(tries = 300)
    void mutatedCorpusMailsNeverThrow(@ForAll("mutations") Tuple.Tuple3<String, Integer, byte[]> mutation) {
        byte[] mail = Corpus.bytes(mutation.get1());
        byte[] mutated = mutate(mail, mutation.get2(), mutation.get3());
        assertThat(BounceParser.defaults().parse(mutated)).isNotNull();
    }

    @Provide
    Arbitrary<Tuple.Tuple3<String, Integer, byte[]>> mutations() {
        return Arbitraries.of(SEEDS).flatMap(name -> Arbitraries.integers().between(0, 100_000).flatMap(at ->
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(64)
                        .map(bytes -> Tuple.of(name, at, bytes))));
    }

    /** Cuts the mail at {@code at}, or overwrites/inserts the bytes there, by the parity of {@code at}. */
    private static byte[] mutate(byte[] mail, int at, byte[] bytes) {
        int position = Math.min(at, mail.length);
        if (at % 3 == 0) return java.util.Arrays.copyOf(mail, position);
        byte[] out = new byte[mail.length + (at % 3 == 1 ? bytes.length : 0)];
        System.arraycopy(mail, 0, out, 0, position);
        System.arraycopy(bytes, 0, out, position, Math.min(bytes.length, out.length - position));
        int rest = at % 3 == 1 ? position : Math.min(mail.length, position + bytes.length);
        int target = Math.min(out.length, position + bytes.length);
        System.arraycopy(mail, rest, out, target, Math.min(mail.length - rest, out.length - target));
        return out;
    }

    /** A stream of {@code size} bytes: the head, then the filler repeated; counts what was read. */
    private static final class Generated extends InputStream {
        private final byte[] head;
        private final byte[] filler;
        private final long size;
        private long read;

        Generated(byte[] head, long size, String filler) {
            this.head = head;
            this.size = size;
            this.filler = filler.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            if (read >= size) return -1;
            long i = read++;
            return i < head.length ? head[(int) i] : filler[(int) ((i - head.length) % filler.length)];
        }
    }
}
