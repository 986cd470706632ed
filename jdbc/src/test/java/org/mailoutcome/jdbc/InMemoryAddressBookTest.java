package org.mailoutcome.jdbc;

import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.InMemoryAddressBook;

/** The address-book contract on the in-memory book. */
class InMemoryAddressBookTest extends AddressBookContract {
    @Override
    AddressBook book() {
        return new InMemoryAddressBook();
    }
}
