package io.fleetmesh.api.alerts;

import io.fleetmesh.api.web.KeysetCursor;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading alerts: a page of the list (the REST list and the alerts page), counts by severity and a device's open
 * ones (the overview and device pages).
 */
@Component
@Transactional(readOnly = true)
public class OpenAlerts {

    private static final Sort NEWEST = Sort.by(Sort.Order.desc("lastRaisedAt"), Sort.Order.desc("id"));

    private final AlertRepository alerts;

    OpenAlerts(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** One page, newest raised first, with the cursor of the next. */
    AlertPage page(AlertFilter filter, int limit) {
        List<Alert> found = alerts.findAll(filter.specification(), PageRequest.of(0, limit + 1, NEWEST)).getContent();
        KeysetCursor.Slice<Alert> page = KeysetCursor.slice(found, limit, Alert::position);
        return new AlertPage(page.items().stream().map(Alert::view).toList(), page.nextCursor());
    }

    /** ACTIVE (not yet acknowledged) alerts by severity, every severity present. */
    public Map<Severity, Long> activeBySeverity(UUID tenant) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        alerts.countActiveBySeverity(tenant).forEach(row -> counts.put((Severity) row[0], (Long) row[1]));
        return counts;
    }

    /** The device's latest alerts that are not resolved, newest raised first. */
    public List<AlertView> openOf(UUID tenant, String device, int limit) {
        AlertFilter active = new AlertFilter(tenant, device, AlertState.ACTIVE, null, null, null, null);
        AlertFilter acknowledged = new AlertFilter(tenant, device, AlertState.ACKNOWLEDGED, null, null, null, null);
        return alerts.findAll(active.specification().or(acknowledged.specification()), PageRequest.of(0, limit, NEWEST))
                .map(Alert::view).getContent();
    }

    /** The open (active or acknowledged) alerts of each of these devices that has any, with the worst severity. */
    public Map<String, OpenAlertCount> countsOf(UUID tenant, Collection<String> devices) {
        return devices.isEmpty() ? Map.of() : counts(alerts.countOpenByDeviceAndSeverity(tenant, devices));
    }

    /** The same for every device of the tenant that has open alerts (a fleet has few: the map asks for all). */
    public Map<String, OpenAlertCount> counts(UUID tenant) {
        return counts(alerts.countOpenByDeviceAndSeverity(tenant));
    }

    private static Map<String, OpenAlertCount> counts(List<Object[]> rows) {
        Map<String, OpenAlertCount> counts = new HashMap<>();
        rows.forEach(row -> counts.merge((String) row[0], new OpenAlertCount((Long) row[2], (Severity) row[1]),
                OpenAlertCount::plus));
        return counts;
    }
}
