package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamProviderShortcutTest {
    private final Thread thread = Thread.currentThread();
    private ClassLoader before;
    private CountingLoader counting;

    @BeforeEach
    void countServiceFileSearches() {
        before = thread.getContextClassLoader();
        counting = new CountingLoader(before);
        thread.setContextClassLoader(counting);
    }

    @AfterEach
    void restore() {
        thread.setContextClassLoader(before);
    }

    @Test
    void jakartaMailGetsTheProviderClassItsOwnSearchFinds() {
        Class<?> searched = StreamProvider.provider().getClass();
        StreamProviderShortcut shortcut = new StreamProviderShortcut();
        Class<?>[] inside = new Class<?>[1];
        shortcut.around(() -> inside[0] = StreamProvider.provider().getClass());
        assertThat(inside[0]).isSameAs(searched);
        assertThat(shortcut.loaderFor(counting)).map(StreamProviderShortcut.Loader::provider).contains(searched);
    }

    @Test
    void theClassPathIsSearchedOncePerLoaderNotOncePerWrite() {
        StreamProviderShortcut shortcut = new StreamProviderShortcut();
        for (int i = 0; i < 5; i++) shortcut.around(StreamProvider::provider);
        assertThat(counting.serviceFileSearches.get()).isEqualTo(1);

        counting.serviceFileSearches.set(0);
        for (int i = 0; i < 5; i++) StreamProvider.provider();
        assertThat(counting.serviceFileSearches.get()).as("without the shortcut").isEqualTo(5);
    }

    @Test
    void theOriginalLoaderIsBackAfterTheWriteAlsoWhenItFails() {
        StreamProviderShortcut shortcut = new StreamProviderShortcut();
        ClassLoader[] during = new ClassLoader[1];
        shortcut.around(() -> during[0] = thread.getContextClassLoader());
        assertThat(during[0]).isInstanceOf(StreamProviderShortcut.Loader.class).isNotSameAs(counting);
        assertThat(thread.getContextClassLoader()).isSameAs(counting);

        assertThatThrownBy(() -> shortcut.around(() -> {
            throw new IOException("write failed");
        })).isInstanceOf(IOException.class).hasMessage("write failed");
        assertThat(thread.getContextClassLoader()).isSameAs(counting);
    }

    @Test
    void everyOtherClassAndResourceComesFromTheOriginalLoader() throws Exception {
        StreamProviderShortcut.Loader loader = new StreamProviderShortcut().loaderFor(counting).orElseThrow();
        assertThat(loader.getParent()).isSameAs(counting);
        assertThat(loader.loadClass(StreamProviderShortcutTest.class.getName()))
                .isSameAs(StreamProviderShortcutTest.class);
        assertThat(Collections.list(loader.getResources("META-INF/MANIFEST.MF")))
                .containsExactlyElementsOf(Collections.list(counting.getResources("META-INF/MANIFEST.MF")));
        List<URL> serviceFile = Collections.list(loader.getResources(StreamProviderShortcut.SERVICE_FILE));
        assertThat(serviceFile).hasSize(1);
        try (var in = serviceFile.get(0).openStream()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip())
                    .isEqualTo(StreamProvider.provider().getClass().getName());
        }
    }

    @Test
    void aThreadWithoutAContextLoaderIsLeftAsItIs() {
        thread.setContextClassLoader(null);
        StreamProviderShortcut shortcut = new StreamProviderShortcut();
        assertThat(shortcut.loaderFor(null)).isEmpty();
        ClassLoader[] during = {counting};
        shortcut.around(() -> during[0] = thread.getContextClassLoader());
        assertThat(during[0]).isNull();
    }

    @Test
    void aNewOriginalLoaderGetsAShortcutOfItsOwn() {
        StreamProviderShortcut shortcut = new StreamProviderShortcut();
        Optional<StreamProviderShortcut.Loader> first = shortcut.loaderFor(counting);
        CountingLoader other = new CountingLoader(before);
        Optional<StreamProviderShortcut.Loader> second = shortcut.loaderFor(other);
        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(second.get().getParent()).isSameAs(other);
        assertThat(shortcut.loaderFor(second.get())).as("a shortcut loader is not wrapped again").isEmpty();
    }

    /** Delegates everything; counts the searches for Jakarta Mail's StreamProvider service file. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger serviceFileSearches = new AtomicInteger();

        CountingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (StreamProviderShortcut.SERVICE_FILE.equals(name)) serviceFileSearches.incrementAndGet();
            return super.getResources(name);
        }
    }
}
