package org.mailoutcome.internal;

import java.util.Set;

/** Registrable-domain approximation for {@code DomainRule.sameRegistrableDomain()}, without the PSL. */
public final class Domains {
    /** Common two-label public suffixes; a domain under one of them is registered at the third label. */
    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of("co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk",
            "com.au", "net.au", "org.au", "edu.au", "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "ac.jp", "co.kr",
            "com.br", "com.cn", "net.cn", "org.cn", "com.mx", "co.in", "co.za", "com.tr", "com.tw", "com.sg",
            "com.hk", "co.il", "com.ar", "com.my");

    private Domains() {
    }

    /** The registrable part of a lower-case domain. */
    public static String registrable(String domain) {
        String[] labels = domain.split("\\.");
        if (labels.length <= 2) return domain;
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = TWO_LABEL_SUFFIXES.contains(lastTwo) ? 3 : 2;
        StringBuilder out = new StringBuilder();
        for (int i = labels.length - keep; i < labels.length; i++) {
            if (out.length() > 0) out.append('.');
            out.append(labels[i]);
        }
        return out.toString();
    }
}
