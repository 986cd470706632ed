package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one Postfix of the run: started on first use, kept in the root store so every IT class shares
 * it, stopped by JUnit when the run ends (the store closes {@code AutoCloseable} values). A Postfix that cannot
 * start fails every test that asks for it, with the reason; nothing is skipped. Also gives the {@link NoticeServer}
 * that receives the notices Postfix writes for {@code sender.test}, started before Postfix.
 */
final class PostfixExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(PostfixExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostfixServer.class || type == NoticeServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        NoticeServer notices = store.getOrComputeIfAbsent(NoticeServer.class, key -> NoticeServer.start(),
                NoticeServer.class);
        PostfixServer postfix = store.getOrComputeIfAbsent(PostfixServer.class, key -> start(notices.port()),
                PostfixServer.class);
        return parameter.getParameter().getType() == PostfixServer.class ? postfix : notices;
    }

    private static PostfixServer start(int noticePort) {
        long started = System.nanoTime();
        PostfixServer server = PostfixServer.start(noticePort);
        System.out.printf("interop: Postfix on %s:%d and :%d, run dir %s, started in %d ms%n", PostfixServer.HOST,
                server.port(), server.untrustedPort(), server.runDir(), (System.nanoTime() - started) / 1_000_000);
        return server;
    }
}
