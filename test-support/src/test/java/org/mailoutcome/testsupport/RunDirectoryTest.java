package org.mailoutcome.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;

class RunDirectoryTest {

    @Test
    void isShortEnterableByOthersAndRemovedWithItsContentOnClose() throws Exception {
        RunDirectory run = RunDirectory.create("postfix");
        assertThat(run.path().toString()).startsWith("/var/tmp/mo-postfix-").hasSizeLessThanOrEqualTo(33);
        assertThat(Files.getPosixFilePermissions(run.path())).contains(PosixFilePermission.OTHERS_EXECUTE);
        Files.createDirectories(run.path().resolve("queue/deferred"));
        Files.writeString(run.path().resolve("queue/deferred/A1"), "x");

        run.close();

        assertThat(run.path()).doesNotExist();
        run.close();
    }

    @Test
    void refusesANameThatWouldLengthenOrEscapeThePath() {
        assertThatThrownBy(() -> RunDirectory.create("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunDirectory.create("averyverylongname")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freePortsAreFreeAndPairsConsecutive() {
        int first = FreePorts.consecutivePair();
        assertThat(FreePorts.isFree(first)).isTrue();
        assertThat(FreePorts.isFree(first + 1)).isTrue();
        assertThat(FreePorts.otherThan(first, first + 1)).isNotIn(first, first + 1);
    }
}
