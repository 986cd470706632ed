package org.mailoutcome.jakarta;

import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.event.TransportEvent;
import jakarta.mail.event.TransportListener;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.jakarta.internal.HandlerDispatch;
import org.mailoutcome.jakarta.internal.RecordingTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TransportListener} that turns Jakarta Mail's transport events into typed {@link OutcomeHandler}
 * callbacks, for code that manages its own {@code Transport}.
 *
 * <p>What it can tell: Jakarta Mail's events carry three address arrays (sent, valid unsent, invalid) and no reply
 * codes or text, so on their own they cannot tell a 250 from a 252, nor say why an address failed. The listener is
 * exact when the transport is mail-outcome's recording transport: call {@link #install(Session)} before
 * {@code session.getTransport()}, and each event then carries the full per-recipient report of its message.
 * Events from any other transport are logged at WARN and not reported.
 *
 * <pre>{@code
 * OutcomeTransportListener.install(session);
 * Transport transport = session.getTransport("smtp");
 * transport.addTransportListener(new OutcomeTransportListener(handler));
 * transport.connect();
 * transport.sendMessage(message, message.getAllRecipients());
 * }</pre>
 *
 * <p>Threads: Angus dispatches events asynchronously on its own event thread, after {@code sendMessage} returned
 * or threw; the handler is called there, in envelope order, once per recipient. Angus swallows exceptions thrown
 * by listeners; this listener logs them instead.
 */
public final class OutcomeTransportListener implements TransportListener {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeTransportListener.class);

    private final OutcomeHandler handler;

    /**
     * A listener calling the given handler.
     *
     * @param handler called once per recipient of every message the transport sends
     */
    public OutcomeTransportListener(OutcomeHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Registers mail-outcome's recording transport as the session's {@code smtp} and {@code smtps} provider, so
     * transports obtained from it afterwards record every reply. This modifies the session.
     *
     * @param session the session to modify
     */
    public static void install(Session session) {
        Objects.requireNonNull(session, "session");
        try {
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", RecordingTransport.class.getName(),
                    "mail-outcome", "1"));
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtps",
                    RecordingTransport.Ssl.class.getName(), "mail-outcome", "1"));
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("cannot register the recording transport", e);
        }
    }

    /** @param e the event */
    @Override
    public void messageDelivered(TransportEvent e) {
        report(e);
    }

    /** @param e the event */
    @Override
    public void messageNotDelivered(TransportEvent e) {
        report(e);
    }

    /** @param e the event */
    @Override
    public void messagePartiallyDelivered(TransportEvent e) {
        report(e);
    }

    private void report(TransportEvent e) {
        Optional<DeliveryReport> report = e.getSource() instanceof RecordingTransport recording
                ? recording.nextReportForListeners() : Optional.empty();
        if (report.isEmpty()) {
            LOG.warn("transport event without reply codes from {}: call OutcomeTransportListener.install(session)"
                    + " before getTransport(); event not reported", e.getSource().getClass().getName());
            return;
        }
        HandlerDispatch.dispatch(handler, report.get());
    }
}
