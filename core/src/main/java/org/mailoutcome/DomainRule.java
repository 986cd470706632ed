package org.mailoutcome;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.mailoutcome.internal.Domains;

/**
 * Which forward addresses a {@link ForwardPolicy} may follow, by domain, compared with the original recipient's.
 * {@link #sameDomain()} is the default; {@link #anyDomain()} must be chosen explicitly.
 */
public sealed interface DomainRule {

    /**
     * Whether a forward from {@code original} to {@code forward} is allowed.
     *
     * @param originalDomain the original recipient's domain, lower case
     * @param forwardDomain the forward address's domain, lower case
     * @return whether it is allowed
     */
    boolean allows(String originalDomain, String forwardDomain);

    /**
     * Only to the very same domain ({@code a@example.com} to {@code b@example.com}).
     *
     * @return the rule
     */
    static DomainRule sameDomain() {
        return new SameDomain();
    }

    /**
     * To the same registrable domain ({@code mail.example.co.uk} to {@code example.co.uk}). The registrable
     * domain is approximated without the Public Suffix List: the last two labels, or three under a known two-level
     * public suffix ({@code co.uk}, {@code com.au}, ...).
     *
     * @return the rule
     */
    static DomainRule sameRegistrableDomain() {
        return new SameRegistrableDomain();
    }

    /**
     * Only to the listed domains (exact match, case-insensitive).
     *
     * @param domains the allowed domains
     * @return the rule
     */
    static DomainRule allowList(Set<String> domains) {
        return new AllowList(domains);
    }

    /**
     * To any domain. A hostile or compromised server could then redirect mail to an address of its choosing:
     * choose this only with an approval hook or for servers you trust.
     *
     * @return the rule
     */
    static DomainRule anyDomain() {
        return new AnyDomain();
    }

    /** The same domain only. */
    record SameDomain() implements DomainRule {
        @Override
        public boolean allows(String originalDomain, String forwardDomain) {
            return originalDomain.equals(forwardDomain);
        }
    }

    /** The same registrable domain. */
    record SameRegistrableDomain() implements DomainRule {
        @Override
        public boolean allows(String originalDomain, String forwardDomain) {
            return Domains.registrable(originalDomain).equals(Domains.registrable(forwardDomain));
        }
    }

    /**
     * An allow-list.
     *
     * @param domains the allowed domains, lower case
     */
    record AllowList(Set<String> domains) implements DomainRule {
        /**
         * Copies the domains in lower case.
         *
         * @param domains the allowed domains
         */
        public AllowList {
            domains = Objects.requireNonNull(domains, "domains").stream().map(d -> d.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public boolean allows(String originalDomain, String forwardDomain) {
            return domains.contains(forwardDomain);
        }
    }

    /** Any domain. */
    record AnyDomain() implements DomainRule {
        @Override
        public boolean allows(String originalDomain, String forwardDomain) {
            return true;
        }
    }
}
