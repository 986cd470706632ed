package org.mailoutcome.jakarta.internal.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/** Socket factories as users give them to a session, counting what they are asked for. */
final class CountingFactories {
    private CountingFactories() {
    }

    /** A plain factory; its static {@link #getDefault()} serves the {@code socketFactory.class} form. */
    public static final class Plain extends SocketFactory {
        static final AtomicInteger MADE_BY_DEFAULT = new AtomicInteger();
        final AtomicInteger made = new AtomicInteger();
        private final boolean fail;

        Plain(boolean fail) {
            this.fail = fail;
        }

        /** The instance Angus's {@code .class} form asks for. @return a factory counting in MADE_BY_DEFAULT */
        public static SocketFactory getDefault() {
            return new SocketFactory() {
                @Override
                public Socket createSocket() {
                    MADE_BY_DEFAULT.incrementAndGet();
                    return new Socket();
                }

                @Override
                public Socket createSocket(String h, int p) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Socket createSocket(String h, int p, InetAddress l, int lp) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Socket createSocket(InetAddress h, int p) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Socket createSocket(InetAddress h, int p, InetAddress l, int lp) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public Socket createSocket() throws IOException {
            made.incrementAndGet();
            if (fail) throw new IOException("this factory makes no sockets");
            return new Socket();
        }

        @Override
        public Socket createSocket(String h, int p) {
            throw new UnsupportedOperationException("Angus makes unconnected sockets");
        }

        @Override
        public Socket createSocket(String h, int p, InetAddress l, int lp) {
            throw new UnsupportedOperationException("Angus makes unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress h, int p) {
            throw new UnsupportedOperationException("Angus makes unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress h, int p, InetAddress l, int lp) {
            throw new UnsupportedOperationException("Angus makes unconnected sockets");
        }
    }

    /** An SSL factory of the user's context, counting the TLS layers it makes over existing sockets. */
    static final class Ssl extends SSLSocketFactory {
        final AtomicInteger layered = new AtomicInteger();
        private final SSLSocketFactory delegate;

        Ssl(SSLContext context) {
            this.delegate = context.getSocketFactory();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            layered.incrementAndGet();
            return delegate.createSocket(s, host, port, autoClose);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return delegate.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return delegate.createSocket(host, port, local, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return delegate.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                throws IOException {
            return delegate.createSocket(address, port, local, localPort);
        }
    }
}
