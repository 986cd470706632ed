package org.mailoutcome.jakarta.internal;

/**
 * User name and password given to the mailer's builder (else the session's authenticator is asked). Never
 * printed: {@link #toString()} hides the password.
 *
 * @param user the user name
 * @param password the password
 */
public record Credentials(String user, String password) {
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
