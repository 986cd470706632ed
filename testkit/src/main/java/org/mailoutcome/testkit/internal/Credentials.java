package org.mailoutcome.testkit.internal;

import java.util.Objects;

/**
 * The one user the server accepts for {@code AUTH}.
 *
 * @param user the user name
 * @param password the password
 */
public record Credentials(String user, String password) {

    /** Checks the components. */
    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Tells whether a user name and password are these.
     *
     * @param user the user name given
     * @param password the password given
     * @return {@code true} if both are equal
     */
    public boolean accepts(String user, String password) {
        return this.user.equals(user) && this.password.equals(password);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
