package org.mailoutcome.testkit.junit5;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.Rule;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.SmtpSession;
import org.mailoutcome.testkit.Verb;

/**
 * Runs an {@link SmtpServer} for JUnit 5 tests.
 *
 * <p>In a {@code static} field, one server serves the whole class (and its {@code @Nested} classes) and is
 * {@linkplain SmtpServer#reset() reset} before each test, so rules and recordings never leak between tests (a message
 * begun in one test and completed in the next, after a held reply, is recorded in neither); script rules in the test
 * or in a {@code @BeforeEach} method, which runs after the reset. In an instance field, each test
 * gets its own server, closed after it (one per class with {@code @TestInstance(PER_CLASS)}).
 *
 * <pre>{@code
 * class MailerIT {
 *     @RegisterExtension
 *     static SmtpServerExtension smtp = new SmtpServerExtension(SmtpServer.builder().starttls(true));
 *
 *     @Test
 *     void greylistedRecipientIsDeferred() {
 *         smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
 *         // ... send with Jakarta Mail using smtp.server().clientProperties() ...
 *     }
 * }
 * }</pre>
 *
 * <p>Not meant for test methods of one class running in parallel, which would share one server.
 */
public final class SmtpServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final SmtpServer.Builder builder;
    private SmtpServer server;
    private int classDepth;
    private boolean perTest;

    /** An extension for a server with the default options. */
    public SmtpServerExtension() {
        this(SmtpServer.builder());
    }

    /**
     * An extension for a server with the given options, read each time a server starts.
     *
     * @param builder the options
     */
    public SmtpServerExtension(SmtpServer.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /**
     * Starts the class's server, unless an enclosing class already did.
     *
     * @param context the JUnit context
     */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0 && server == null) {
            server = builder.start();
        }
    }

    /**
     * Closes the class's server once the outermost class is done.
     *
     * @param context the JUnit context
     */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (classDepth > 0 && --classDepth == 0 && server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Resets the class's server, or starts a server for this test when the extension is in an instance field.
     *
     * @param context the JUnit context
     */
    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (server == null) {
            server = builder.start();
            perTest = true;
        } else {
            server.reset();
        }
    }

    /**
     * Closes the test's own server, if it has one.
     *
     * @param context the JUnit context
     */
    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (perTest) {
            server.close();
            server = null;
            perTest = false;
        }
    }

    /**
     * The running server.
     *
     * @return the server
     * @throws IllegalStateException outside a test or a class registered with this extension
     */
    public synchronized SmtpServer server() {
        if (server == null) {
            throw new IllegalStateException("no server is running: register the extension with @RegisterExtension"
                    + " and use it inside a test");
        }
        return server;
    }

    /**
     * Delegates to {@link SmtpServer#host()}.
     *
     * @return {@code "127.0.0.1"}
     */
    public String host() {
        return server().host();
    }

    /**
     * Delegates to {@link SmtpServer#port()}.
     *
     * @return the port
     */
    public int port() {
        return server().port();
    }

    /**
     * Delegates to {@link SmtpServer#on(Verb)}.
     *
     * @param verb the command or event to script
     * @return the rule, to be finished with an action
     */
    public Rule on(Verb verb) {
        return server().on(verb);
    }

    /**
     * Delegates to {@link SmtpServer#on(Verb, String)}.
     *
     * @param verb the command or event to script
     * @param argumentPattern the glob; {@code null} matches any argument
     * @return the rule, to be finished with an action
     */
    public Rule on(Verb verb, String argumentPattern) {
        return server().on(verb, argumentPattern);
    }

    /**
     * Delegates to {@link SmtpServer#messages()}.
     *
     * @return the messages received in this test
     */
    public List<ReceivedMessage> messages() {
        return server().messages();
    }

    /**
     * Delegates to {@link SmtpServer#awaitMessages(int, Duration)}.
     *
     * @param count the number of messages to wait for
     * @param timeout how long to wait
     * @return all messages recorded, at least {@code count}
     * @throws AssertionError if fewer were recorded within {@code timeout}
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        return server().awaitMessages(count, timeout);
    }

    /**
     * Delegates to {@link SmtpServer#sessions()}.
     *
     * @return the sessions of this test
     */
    public List<SmtpSession> sessions() {
        return server().sessions();
    }

    /**
     * Delegates to {@link SmtpServer#clientProperties()}.
     *
     * @return new Jakarta Mail session properties for this server
     */
    public Properties clientProperties() {
        return server().clientProperties();
    }

    @Override
    public String toString() {
        return "SmtpServerExtension[" + server + "]";
    }
}
