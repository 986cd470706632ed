package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AppendOnlyListTest {

    private final AppendOnlyList<String> list = new AppendOnlyList<>();

    @Test
    void snapshotKeepsItsElementsWhileTheListGrowsPastChunkBoundaries() {
        IntStream.range(0, 300).forEach(i -> list.add("e" + i));
        List<String> at300 = list.snapshot();
        IntStream.range(300, 1000).forEach(i -> list.add("e" + i));
        assertThat(at300).hasSize(300).startsWith("e0").endsWith("e299");
        assertThat(list.snapshot()).hasSize(1000).endsWith("e999");
    }

    @Test
    void snapshotEqualsAnyListWithTheSameElements() {
        list.add("a");
        list.add("b");
        assertThat(list.snapshot()).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
    }

    @Test
    void snapshotIsImmutableAndBoundsChecked() {
        list.add("a");
        List<String> snapshot = list.snapshot();
        assertThatThrownBy(() -> snapshot.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void immutableKeepsSnapshotsAndCopiesOtherLists() {
        list.add("a");
        List<String> snapshot = list.snapshot();
        assertThat(AppendOnlyList.immutable(snapshot)).isSameAs(snapshot);
        List<String> mutable = new ArrayList<>(List.of("a"));
        List<String> copy = AppendOnlyList.immutable(mutable);
        mutable.add("b");
        assertThat(copy).containsExactly("a");
    }
}
