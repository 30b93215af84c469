package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.notifications.SmtpServer;
import io.fleetmesh.api.notifications.SmtpServer.NotSent;
import io.fleetmesh.api.reports.Period;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.Reports;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * A run's mail: the schedule's report over the period, rendered into memory (a day, week or month of a schedule's
 * devices is small; past {@code maxAttachment} it is refused rather than grown), attached to one message to all
 * recipients, with the run's Message-ID.
 */
@Component
class ReportMail {

    private final Reports reports;
    private final DeviceDirectory devices;
    private final SmtpServer smtp;
    private final ReportScheduleProperties properties;

    ReportMail(Reports reports, DeviceDirectory devices, SmtpServer smtp, ReportScheduleProperties properties) {
        this.reports = reports;
        this.devices = devices;
        this.smtp = smtp;
        this.properties = properties;
    }

    /** The rendered file, by name. */
    record Attachment(String fileName, byte[] bytes) {
    }

    /** A tag is read at each run, so the report follows the devices tagged then. */
    Attachment render(ReportSchedule schedule, Period period) throws NotSent {
        List<String> scope = schedule.tag() != null ? devices.withTag(schedule.tenantId(), schedule.tag()) : schedule.devices();
        ReportQuery query = new ReportQuery(schedule.tenantId(), scope, period, schedule.zone(), Integer.MAX_VALUE);
        Capped out = new Capped(properties.maxAttachment().toBytes());
        try {
            reports.write(schedule.kind(), query, schedule.format(), schedule.units(), out);
        } catch (RuntimeException e) {
            if (out.over) {
                throw new NotSent("the report is larger than " + properties.maxAttachment() + " (fleetmesh"
                        + ".report-schedules.max-attachment): schedule fewer devices or a shorter period", true);
            }
            throw e;
        }
        return new Attachment(Reports.fileName(schedule.kind(), query, schedule.format()), out.toByteArray());
    }

    void send(ReportSchedule schedule, Period period, List<String> to, Attachment file, String messageId) throws NotSent {
        MimeMessage message = smtp.message(messageId);
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(schedule.subject(period));
            helper.setText(text(schedule, period));
            helper.addAttachment(file.fileName(), new ByteArrayResource(file.bytes()), schedule.format().mediaType());
        } catch (MessagingException e) {
            throw new NotSent("not composed: " + e.getClass().getSimpleName(), true);
        }
        smtp.send(message);
    }

    /** The schedule's name is the operator's: it goes in the body only, never in a header. */
    private static String text(ReportSchedule schedule, Period period) {
        return """
                Hello,

                attached is the %s report of the schedule "%s", covering %s.

                Fleetmesh sends it after each %s period; change or stop the schedule on the dashboard's report \
                schedules page.
                """.formatted(schedule.kind().title(), schedule.name(), period.covering(schedule.zone()),
                schedule.frequency().name().toLowerCase());
    }

    /** A byte array that refuses to grow past its cap, so an oversized report fails early, not out of memory. */
    private static final class Capped extends ByteArrayOutputStream {

        private final long cap;
        private boolean over;

        Capped(long cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            check(length);
            super.write(bytes, offset, length);
        }

        private void check(int more) {
            if (count + (long) more > cap) {
                over = true;
                throw new IllegalStateException("report over " + cap + " bytes");
            }
        }
    }
}
