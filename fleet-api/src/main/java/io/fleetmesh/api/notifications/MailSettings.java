package io.fleetmesh.api.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server e-mail goes through ({@code fleetmesh.mail.*}); no host: e-mail is off and its notifications fail
 * with that reason, visible in the delivery log.
 *
 * @param host     the server; none by default
 * @param port     25, 587 (submission with STARTTLS) or 465
 * @param username with password, to log in; none: no login
 * @param password the login's password (an environment variable, never in the repository)
 * @param startTls require STARTTLS before logging in
 * @param from     the sender's address
 * @param timeout  connect, read and write timeout in milliseconds
 */
@ConfigurationProperties("fleetmesh.mail")
record MailSettings(
        String host,
        @DefaultValue("25") int port,
        String username,
        String password,
        @DefaultValue("false") boolean startTls,
        @DefaultValue("fleetmesh@localhost") String from,
        @DefaultValue("10000") int timeout) {
}
