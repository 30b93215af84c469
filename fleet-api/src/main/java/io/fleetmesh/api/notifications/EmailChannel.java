package io.fleetmesh.api.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the configured SMTP server: a text and an HTML part from the templates, in the recipient's
 * language and zone, with a Message-ID that stays the same on every attempt.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final SmtpServer smtp;
    private final MailTemplates templates;

    EmailChannel(SmtpServer smtp, MailTemplates templates) {
        this.smtp = smtp;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(OutgoingMessage message) throws NotDelivered {
        try {
            // refused before the address is looked at when e-mail is off
            MimeMessage mime = smtp.message(message.id());
            if (message.recipient().email() == null) {
                throw new NotDelivered(message.recipient().username() + " has no e-mail address", true);
            }
            smtp.send(filled(mime, message));
        } catch (SmtpServer.NotSent e) {
            throw new NotDelivered(e.getMessage(), e.permanent());
        } catch (MessagingException e) {
            throw new NotDelivered("not delivered: " + e.getClass().getSimpleName(), false);
        }
    }

    private MimeMessage filled(MimeMessage mime, OutgoingMessage message) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setTo(message.recipient().email());
        helper.setSubject(templates.subject(message));
        helper.setText(templates.text(message), templates.html(message));
        return helper.getMimeMessage();
    }
}
