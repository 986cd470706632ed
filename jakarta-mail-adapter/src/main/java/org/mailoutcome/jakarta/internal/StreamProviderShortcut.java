package org.mailoutcome.jakarta.internal;

import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Jakarta Mail finds its {@link StreamProvider} anew for every body part it encodes ({@code MimeUtility.encode}
 * calls {@code StreamProvider.provider()}): unless the system property {@code jakarta.mail.util.StreamProvider}
 * names it, that is a {@code ServiceLoader} search of the thread's context class loader, which opens and parses
 * {@code META-INF/services/jakarta.mail.util.StreamProvider} in every jar of the class path. Against a server on
 * the same machine that was the largest single cost of a send (a JFR profile: 24-29 % of the sending thread's
 * samples, about 60 µs of CPU per message).
 *
 * <p>While a transport writes a message, its thread's context class loader is a {@link Loader}: a child of the
 * original loader that delegates everything to it, except that the service file is served from memory, naming the
 * provider class the original loader's own search found first (found once per transport, with the original loader).
 * So Jakarta Mail gets an instance of the very class it would have got, without the search. Nothing changes when
 * the system property is set, when the thread has no context class loader, or when the provider is in a named
 * module (the module path: the search is a lookup in the module graph there, and cheap). The original loader is
 * put back when the message is written, also when that fails. Confined to the thread that holds the transport.
 */
final class StreamProviderShortcut {
    static final String SERVICE_FILE = "META-INF/services/" + StreamProvider.class.getName();
    private static final String PROPERTY = StreamProvider.class.getName();

    private ClassLoader cachedFor;
    private Optional<Loader> cached = Optional.empty();

    /** Something that writes a message with the thread's context class loader set. */
    @FunctionalInterface
    interface Write<E extends Exception> {
        void run() throws E;
    }

    /** Runs the write with the shortcut loader as the thread's context class loader, where it applies. */
    <E extends Exception> void around(Write<E> write) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        Optional<Loader> loader = loaderFor(original);
        if (loader.isEmpty()) {
            write.run();
            return;
        }
        thread.setContextClassLoader(loader.get());
        try {
            write.run();
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    /** The shortcut for the thread's loader, found once per loader; empty where it does not apply. */
    Optional<Loader> loaderFor(ClassLoader original) {
        if (original == null || System.getProperty(PROPERTY) != null) return Optional.empty();
        if (original instanceof Loader) return Optional.empty();
        if (original != cachedFor) {
            cached = providerClass().filter(c -> !c.getModule().isNamed()).map(c -> new Loader(original, c));
            cachedFor = original;
        }
        return cached;
    }

    /** The class Jakarta Mail's own search finds now, with the thread's loader; empty if it finds none. */
    private static Optional<Class<?>> providerClass() {
        try {
            return Optional.of(StreamProvider.provider().getClass());
        } catch (RuntimeException e) {
            return Optional.empty(); // no shortcut: Jakarta Mail fails the same way, and says so, when it encodes
        }
    }

    /** The original loader, with the service file answered from memory and the provider class given directly. */
    static final class Loader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Class<?> provider;
        private final URL serviceFile;

        Loader(ClassLoader parent, Class<?> provider) {
            super("mail-outcome-stream-provider", parent);
            this.provider = provider;
            this.serviceFile = inMemory(provider.getName() + "\n");
        }

        /** The provider class that the service file names. */
        Class<?> provider() {
            return provider;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (SERVICE_FILE.equals(name)) return Collections.enumeration(List.of(serviceFile));
            return super.getResources(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(provider.getName())) return provider;
            return super.loadClass(name, resolve);
        }

        private static URL inMemory(String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            URLStreamHandler handler = new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {
                            connected = true;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(bytes);
                        }
                    };
                }
            };
            try {
                return new URL("mail-outcome", "", -1, "/" + SERVICE_FILE, handler);
            } catch (MalformedURLException e) {
                throw new IllegalStateException("cannot name the in-memory service file", e);
            }
        }
    }
}
