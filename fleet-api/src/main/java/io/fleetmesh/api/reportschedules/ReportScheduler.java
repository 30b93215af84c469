package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.notifications.SmtpServer.NotSent;
import io.fleetmesh.api.operators.OperatorContact;
import io.fleetmesh.api.operators.OperatorDirectory;
import io.fleetmesh.api.reports.Period;
import io.fleetmesh.api.reportschedules.ReportMail.Attachment;
import io.fleetmesh.api.reportschedules.ReportRuns.Claimed;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs schedules, on every replica: each tick makes the run of each enabled schedule's last complete period unless it
 * exists (the unique period makes it once, whichever replica is first), then claims due runs with a lease and mails
 * them. Delivery is at least once: a replica that dies after the SMTP server took the mail but before SENT was
 * written leaves the run to be claimed again when its lease ends, and it is mailed a second time, with the same
 * Message-ID, so a mail server or client that keeps Message-IDs sees one message. Prometheus:
 * {@code fleetmesh_report_schedules_sent_total{kind,format}} and {@code ..._failed_total} (failed attempts).
 */
@Component
class ReportScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);

    private final ReportSchedules schedules;
    private final ReportRuns runs;
    private final ReportMail mail;
    private final OperatorDirectory operators;
    private final ReportScheduleProperties properties;
    private final MeterRegistry metrics;
    private final Clock clock;

    ReportScheduler(ReportSchedules schedules, ReportRuns runs, ReportMail mail, OperatorDirectory operators,
                    ReportScheduleProperties properties, MeterRegistry metrics, Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.mail = mail;
        this.operators = operators;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, properties.tick(), properties.tick()));
    }

    void tick() {
        try {
            runDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("report schedules tick failed: {}", e.toString());
        }
    }

    /**
     * As a tick at {@code now}: the periods that ended by then, and every run due by then. Runs are claimed one at a
     * time, at {@code now} moved on by the time this tick has taken, so that each lease starts when its own delivery
     * does: a long burst never sends with a lease that has run out (another replica would send it too).
     */
    void runDue(Instant now) {
        Instant started = clock.instant();
        schedules.enabled().forEach(schedule -> runs.due(schedule, schedule.due(now), now));
        for (Instant at = now; deliveredOne(at); at = now.plus(Duration.between(started, clock.instant()))) {
            log.debug("report runs go on");
        }
    }

    private boolean deliveredOne(Instant at) {
        List<Claimed> claimed = runs.claim(at, 1);
        claimed.forEach(run -> deliver(run, at));
        return !claimed.isEmpty();
    }

    /** The schedule's last complete period, now, unless it went already or another replica holds it. */
    ReportRunView sendNow(UUID tenantId, UUID id) {
        ReportSchedule schedule = schedules.find(tenantId, id);
        Instant now = clock.instant();
        Period period = schedule.due(now);
        runs.due(schedule, period, now);
        runs.claim(schedule.id(), period, now).ifPresent(run -> deliver(run, now));
        return runs.find(schedule.id(), period).orElseThrow();
    }

    /** A run's trouble never holds up the others: a failure is recorded, anything else waits for the lease. */
    private void deliver(Claimed run, Instant now) {
        try {
            ReportSchedule schedule = schedules.find(run.tenantId(), run.scheduleId());
            try {
                mailed(schedule, run, now);
            } catch (NotSent e) {
                failed(schedule, run, e.getMessage(), e.permanent(), now);
            } catch (RuntimeException e) {
                failed(schedule, run, "not rendered: " + e.getClass().getSimpleName(), false, now);
            }
        } catch (RuntimeException e) {
            log.warn("report run {} not settled: {}", run.id(), e.toString());
        }
    }

    private void mailed(ReportSchedule schedule, Claimed run, Instant now) throws NotSent {
        List<String> to = addresses(schedule);
        if (to.isEmpty()) {
            throw new NotSent("no recipient has an e-mail address", true);
        }
        Attachment file = mail.render(schedule, run.period());
        mail.send(schedule, run.period(), to, file, run.messageId());
        runs.sent(run, to.size(), file.bytes().length, now);
        metrics.counter("fleetmesh.report.schedules.sent", tags(schedule)).increment();
        log.info("report run sent: run={} schedule={} tenant={} kind={} format={} period={} attempt={} recipients={}"
                + " bytes={}", run.id(), schedule.id(), schedule.tenantId(), schedule.kind().path(),
                schedule.format().extension(), run.period().from(), run.attempt(), to.size(), file.bytes().length);
    }

    private void failed(ReportSchedule schedule, Claimed run, String reason, boolean permanent, Instant now) {
        boolean exhausted = runs.failed(run, reason, permanent, now);
        metrics.counter("fleetmesh.report.schedules.failed", tags(schedule)).increment();
        log.info("report run failed: run={} schedule={} tenant={} kind={} format={} period={} attempt={} final={}"
                + " reason={}", run.id(), schedule.id(), schedule.tenantId(), schedule.kind().path(),
                schedule.format().extension(), run.period().from(), run.attempt(), exhausted, reason);
    }

    /** The operators' addresses as they are now (one without an address is left out), then the schedule's own. */
    private List<String> addresses(ReportSchedule schedule) {
        Stream<String> ofOperators = schedule.operators().stream()
                .map(id -> operators.contact(schedule.tenantId(), id)).flatMap(Optional::stream)
                .map(OperatorContact::email).filter(Objects::nonNull);
        return Stream.concat(ofOperators, schedule.emails().stream())
                .filter(distinctIgnoringCase()).toList();
    }

    private static Predicate<String> distinctIgnoringCase() {
        Set<String> seen = new HashSet<>();
        return address -> seen.add(address.toLowerCase(Locale.ROOT));
    }

    private static String[] tags(ReportSchedule schedule) {
        return new String[] {"kind", schedule.kind().path(), "format", schedule.format().extension()};
    }
}
