package io.fleetmesh.api.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The configured SMTP server ({@link MailSettings}), for every feature that sends mail: messages that keep their
 * Message-ID on every attempt, sent with the configured timeouts, and a failure's reason that never quotes the
 * server's whole answer.
 */
@Component
public class SmtpServer {

    private final MailSettings settings;
    private final JavaMailSenderImpl sender;

    SmtpServer(MailSettings settings) {
        this.settings = settings;
        this.sender = settings.host() == null || settings.host().isBlank() ? null : sender(settings);
    }

    /** The sender's address ({@code fleetmesh.mail.from}). */
    public String from() {
        return settings.from();
    }

    /** A new message, From the configured sender, whose Message-ID is {@code <id@fleetmesh>} however often it is sent. */
    public MimeMessage message(String id) throws NotSent {
        MimeMessage message = new FixedIdMessage(session(), "<" + id + "@fleetmesh>");
        try {
            message.setFrom(settings.from());
        } catch (MessagingException e) {
            throw new NotSent("the sender's address (fleetmesh.mail.from) is not valid", true);
        }
        return message;
    }

    public void send(MimeMessage message) throws NotSent {
        try {
            session();
            sender.send(message);
        } catch (MailAuthenticationException e) {
            throw new NotSent("the SMTP server refused our login", false);
        } catch (MailException e) {
            throw new NotSent("not delivered: " + e.getClass().getSimpleName() + rootCause(e), false);
        }
    }

    private Session session() throws NotSent {
        if (sender == null) {
            throw new NotSent("e-mail is off: no SMTP server configured (fleetmesh.mail.host)", true);
        }
        return sender.getSession();
    }

    /** Why a mail did not go; {@code permanent} if trying again cannot help. */
    public static final class NotSent extends Exception {

        private final boolean permanent;

        public NotSent(String reason, boolean permanent) {
            super(reason, null, false, false);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    /** The kind of the underlying failure (connection refused, timeout), never the server's whole answer. */
    private static String rootCause(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause == e ? "" : " (" + cause.getClass().getSimpleName() + ")";
    }

    private static JavaMailSenderImpl sender(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setUsername(settings.username());
        sender.setPassword(settings.password());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        String timeout = Integer.toString(settings.timeout());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.auth", Boolean.toString(settings.username() != null));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        return sender;
    }

    /** Jakarta Mail gives every saved message a new random Message-ID; a retry must carry the first one. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
