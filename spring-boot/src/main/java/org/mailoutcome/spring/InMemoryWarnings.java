package org.mailoutcome.spring;

import java.util.Optional;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.InMemoryAddressBook;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.SuppressionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * A WARN at start-up for each of mail-outcome's records kept in memory: lost on restart, not shared by other
 * instances of the application; someone must act (add {@code mail-outcome-jdbc} and a {@code DataSource}).
 */
final class InMemoryWarnings implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(MailOutcomeAutoConfiguration.class);
    private static final String FIX = " Add mail-outcome-jdbc and a DataSource (or define a {} bean) to keep them.";

    private final ObjectProvider<DeliveryStore> store;
    private final ObjectProvider<SuppressionList> suppressions;
    private final ObjectProvider<AddressBook> addressBook;

    InMemoryWarnings(ObjectProvider<DeliveryStore> store, ObjectProvider<SuppressionList> suppressions,
            ObjectProvider<AddressBook> addressBook) {
        this.store = store;
        this.suppressions = suppressions;
        this.addressBook = addressBook;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (Optional.ofNullable(store.getIfUnique()).filter(InMemoryDeliveryStore.class::isInstance).isPresent()) {
            LOG.warn("mail.outcome.tracking.enabled=true with an in-memory DeliveryStore: tracked sends are lost on "
                    + "restart, and bounces for them then arrive as UnmatchedNoticeEvent." + FIX, "DeliveryStore");
        }
        if (Optional.ofNullable(suppressions.getIfUnique()).filter(InMemorySuppressionList.class::isInstance).isPresent()) {
            LOG.warn("mail.outcome.suppressions.enabled=true with an in-memory SuppressionList: suppressed addresses "
                    + "are sent to again after a restart, and other instances never see them." + FIX, "SuppressionList");
        }
        if (Optional.ofNullable(addressBook.getIfUnique()).filter(InMemoryAddressBook.class::isInstance).isPresent()) {
            LOG.warn("mail.outcome.address-book.enabled=true with an in-memory AddressBook: forward paths learnt are "
                    + "lost on restart." + FIX, "AddressBook");
        }
    }
}
