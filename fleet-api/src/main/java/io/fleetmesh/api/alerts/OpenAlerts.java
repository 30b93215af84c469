package io.fleetmesh.api.alerts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the dashboard's overview and device pages show of alerts: counts by severity, a device's open ones. */
@Component
@Transactional(readOnly = true)
public class OpenAlerts {

    private final AlertRepository alerts;

    OpenAlerts(AlertRepository alerts) {
        this.alerts = alerts;
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
        return alerts.findAll(active.specification().or(acknowledged.specification()), PageRequest.of(0, limit,
                Sort.by(Sort.Order.desc("lastRaisedAt"), Sort.Order.desc("id")))).map(Alert::view).getContent();
    }
}
