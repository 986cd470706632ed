package org.mailoutcome.spring.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mailoutcome.spring.AddressMovedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The application's contacts; a recipient the server says has moved is replaced by its new address. */
@Component
public class AddressBook {
    private final List<String> addresses = new CopyOnWriteArrayList<>(List.of("alice@example.test",
            "carol@example.test", "dave@example.test", "erin@example.test", "frank@example.test"));

    /** Created by Spring. */
    public AddressBook() {
    }

    /**
     * The contacts now.
     *
     * @return the addresses, in order
     */
    public List<String> addresses() {
        return List.copyOf(addresses);
    }

    /**
     * A 551 (or 251) named the recipient's new address: take it.
     *
     * @param event the event
     */
    @EventListener
    public void onMoved(AddressMovedEvent event) {
        int index = addresses.indexOf(event.oldAddress().getAddress());
        if (index >= 0) addresses.set(index, event.newAddress().getAddress());
    }
}
