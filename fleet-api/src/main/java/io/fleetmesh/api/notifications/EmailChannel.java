package io.fleetmesh.api.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the configured SMTP server: a text and an HTML part from the templates, in the recipient's
 * language and zone, with a Message-ID that stays the same on every attempt.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final MailSettings settings;
    private final MailTemplates templates;
    private final JavaMailSenderImpl sender;

    EmailChannel(MailSettings settings, MailTemplates templates) {
        this.settings = settings;
        this.templates = templates;
        this.sender = settings.host() == null || settings.host().isBlank() ? null : sender(settings);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(OutgoingMessage message) throws NotDelivered {
        if (sender == null) {
            throw new NotDelivered("e-mail is off: no SMTP server configured (fleetmesh.mail.host)", true);
        }
        if (message.recipient().email() == null) {
            throw new NotDelivered(message.recipient().username() + " has no e-mail address", true);
        }
        try {
            sender.send(mime(message));
        } catch (MailAuthenticationException e) {
            throw new NotDelivered("the SMTP server refused our login", false);
        } catch (MailException | MessagingException e) {
            throw new NotDelivered("not delivered: " + e.getClass().getSimpleName() + rootCause(e), false);
        }
    }

    private MimeMessage mime(OutgoingMessage message) throws MessagingException {
        MimeMessage mime = new FixedIdMessage(sender.getSession(), "<" + message.id() + "@fleetmesh>");
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(message.recipient().email());
        helper.setSubject(templates.subject(message));
        helper.setText(templates.text(message), templates.html(message));
        return mime;
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

        FixedIdMessage(jakarta.mail.Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
