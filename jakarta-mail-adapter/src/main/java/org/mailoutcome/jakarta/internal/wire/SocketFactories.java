package org.mailoutcome.jakarta.internal.wire;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * The socket factories a session names, read as Angus's {@code SocketFetcher} reads them: {@code KEY} holding a
 * {@link SocketFactory} instance (set with {@code put}), else {@code KEY.class} naming a class whose static
 * {@code getDefault()} makes one (looked up with the thread's context class loader, then this class's).
 */
final class SocketFactories {
    private SocketFactories() {
    }

    /**
     * The factory named by {@code key} ({@code mail.smtp.socketFactory}, {@code mail.smtp.ssl.socketFactory}).
     *
     * @throws IOException when the named class cannot be loaded or made, with the reason as cause
     */
    static Optional<SocketFactory> named(Properties props, String key) throws IOException {
        Object instance = props.get(key);
        if (instance instanceof SocketFactory factory) return Optional.of(factory);
        String className = props.getProperty(key + ".class");
        if (className == null || className.isEmpty()) return Optional.empty();
        try {
            Object made = load(className).getMethod("getDefault").invoke(null);
            if (made instanceof SocketFactory factory) return Optional.of(factory);
            throw new IOException(key + ".class " + className + ": getDefault() made no SocketFactory: " + made);
        } catch (InvocationTargetException e) {
            throw new IOException("socket factory class " + className + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IOException("cannot use socket factory class " + className + ": " + e, e);
        }
    }

    private static Class<?> load(String className) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(className, false, context);
            } catch (ClassNotFoundException e) {
                // then as Angus does: the defining loader
            }
        }
        return Class.forName(className);
    }
}
