package org.mailoutcome.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThroughputOptionsTest {

    @Test
    void defaultsAreThoseOfTheIssue() {
        ThroughputOptions o = ThroughputOptions.parse("--embedded");

        assertThat(o.server()).isEmpty();
        assertThat(o.messages()).isEqualTo(2000);
        assertThat(o.staticMessages()).isEqualTo(2000);
        assertThat(o.size()).isEqualTo(2048);
        assertThat(o.threads()).isEqualTo(4);
        assertThat(o.rounds()).isEqualTo(3);
        assertThat(o.warmup()).isEqualTo(1000);
        assertThat(o.starttls()).isFalse();
        assertThat(o.writeTimeoutMillis()).isEmpty();
        assertThat(o.to()).isEqualTo("alice@lab.test");
        assertThat(o.clients()).isEqualTo("abcde");
        assertThat(o.tcpNoDelay()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        ThroughputOptions o = ThroughputOptions.parse("--server", "127.0.0.1:2525", "--messages", "300",
                "--static-messages", "7", "--size", "100", "--threads", "8", "--rounds", "5", "--warmup", "0",
                "--starttls", "--writetimeout", "5000", "--pause", "0", "--to", "bob@lab.test", "--postfix-pid",
                "run/queue/pid/master.pid", "--clients", "bc", "--tcp-nodelay", "--separate-jvms");

        assertThat(o).isEqualTo(new ThroughputOptions(Optional.of("127.0.0.1:2525"), 300, 7, 100, 8, 5, 0, true,
                Optional.of(5000), 0, "bob@lab.test", Optional.of(Path.of("run/queue/pid/master.pid")), "bc", true, true));
    }

    @Test
    void aClientProcessGetsTheOptionsThatShapeItsClient() {
        ThroughputOptions o = ThroughputOptions.parse("--embedded", "--messages", "300", "--size", "100",
                "--threads", "8", "--starttls", "--writetimeout", "5000", "--tcp-nodelay", "--to", "bob@lab.test",
                "--rounds", "9", "--pause", "0");

        List<String> args = o.forClientProcess("127.0.0.1:2525");

        assertThat(args).containsExactly("--server", "127.0.0.1:2525", "--messages", "300", "--static-messages", "15",
                "--size", "100", "--threads", "8", "--to", "bob@lab.test", "--starttls", "--tcp-nodelay",
                "--writetimeout", "5000");
        assertThat(ThroughputOptions.parse(args.toArray(String[]::new)))
                .extracting(ThroughputOptions::size, ThroughputOptions::threads, ThroughputOptions::starttls)
                .containsExactly(100, 8, true);
    }

    @Test
    void starttlsSendsATwentiethOfTheStaticMessagesByDefault() {
        assertThat(ThroughputOptions.parse("--embedded", "--starttls", "--messages", "1000").staticMessages())
                .isEqualTo(50);
    }

    @Test
    void exactlyOneServerIsGiven() {
        assertThatThrownBy(() -> ThroughputOptions.parse("--messages", "10"))
                .hasMessage("give exactly one of --server HOST:PORT and --embedded");
        assertThatThrownBy(() -> ThroughputOptions.parse("--embedded", "--server", "127.0.0.1:25"))
                .hasMessage("give exactly one of --server HOST:PORT and --embedded");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> ThroughputOptions.parse("--embedded", "--threads", "0"))
                .hasMessage("--threads must be >= 1: 0");
        assertThatThrownBy(() -> ThroughputOptions.parse("--embedded", "--size", "2k"))
                .hasMessage("--size must be a number: 2k");
        assertThatThrownBy(() -> ThroughputOptions.parse("--server", "localhost"))
                .hasMessage("--server must be HOST:PORT: localhost");
        assertThatThrownBy(() -> ThroughputOptions.parse("--embedded", "--fast", "1"))
                .hasMessage("unknown argument: --fast");
        assertThatThrownBy(() -> ThroughputOptions.parse("--embedded", "--clients", "bx"))
                .hasMessage("--clients must be letters a-e, m, r or s: bx");
        assertThatThrownBy(() -> ThroughputOptions.parse("--embedded", "--rounds"))
                .hasMessage("unknown or incomplete argument: --rounds");
    }
}
