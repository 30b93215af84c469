package io.fleetmesh.api.notifications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders messages from fleet-ui's {@code templates/mail/} (a text and an HTML version, messages in
 * {@code mail/messages*.properties}) in the recipient's language and zone. The subject is one line whatever the
 * event's text holds: a line break in a device name or an alert's message cannot start another header.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final NotificationProperties properties;

    MailTemplates(NotificationProperties properties) {
        this.properties = properties;
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html"));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt"));
    }

    String subject(OutgoingMessage message) {
        Locale locale = Locale.forLanguageTag(message.recipient().language());
        Notice first = message.notices().get(0);
        String subject = message.digest()
                ? messages.getMessage("subject.digest", new Object[] {message.notices().size(), message.ruleName()}, locale)
                : messages.getMessage("subject.one", new Object[] {first.severity(), first.deviceId(), first.title()}, locale);
        return oneLine(subject);
    }

    String text(OutgoingMessage message) {
        return engine.process("mail/notification.txt", context(message));
    }

    String html(OutgoingMessage message) {
        return engine.process("mail/notification.html", context(message));
    }

    /** Control characters (CR, LF, tab, ...) become spaces. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private Context context(OutgoingMessage message) {
        Locale locale = Locale.forLanguageTag(message.recipient().language());
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.of(message.recipient().zone()));
        Context context = new Context(locale);
        context.setVariable("message", message);
        context.setVariable("lines", lines(message.notices(), times));
        context.setVariable("zone", message.recipient().zone());
        return context;
    }

    private List<Line> lines(List<Notice> notices, DateTimeFormatter times) {
        String base = properties.baseUrl().replaceAll("/+$", "");
        return notices.stream().map(n -> new Line(times.format(n.at()), n.severity().name(), n.deviceId(),
                oneLine(n.title()), base + n.link())).toList();
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        return resolver;
    }

    /** A notice as the templates show it. */
    record Line(String at, String severity, String device, String title, String link) {
    }
}
