package io.fleetmesh.api.devices;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.ProblemDocs;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

    private final DeviceRepository devices;
    private final DeviceSearch search;
    private final CurrentTenant tenant;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceController(DeviceRepository devices, DeviceSearch search, CurrentTenant tenant, ApplicationEventPublisher events,
                     Clock clock) {
        this.devices = devices;
        this.search = search;
        this.tenant = tenant;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<DeviceView> create(@Valid @RequestBody NewDevice request) {
        if (devices.existsById(key(request.id()))) {
            throw new DeviceAlreadyExistsException(request.id());
        }
        try {
            Device device = devices.saveAndFlush(new Device(tenant.id(), request.id(), request.details(), clock.instant()));
            return ResponseEntity.created(URI.create("/api/v1/devices/" + device.id())).body(device.view());
        } catch (DataIntegrityViolationException raced) {
            throw new DeviceAlreadyExistsException(request.id());
        }
    }

    @GetMapping
    DevicePage list(@RequestParam(required = false) @Pattern(regexp = DeviceRules.KIND) String kind,
                    @RequestParam(required = false) @Pattern(regexp = DeviceRules.TAG) String tag,
                    @RequestParam(required = false) @Size(max = 200) String q,
                    @RequestParam(required = false) String cursor,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                    @RequestParam(defaultValue = "id") @Pattern(regexp = "id|name") String sort) {
        return search.page(tenant.id(), new DeviceFilter(kind, tag, q, cursor, sort.equals("name")), limit);
    }

    @GetMapping("/{id}")
    DeviceView get(@PathVariable String id) {
        return find(id).view();
    }

    @PutMapping("/{id}")
    @Refuses(status = 409, when = "Another request changed it at the same time.", detail = ProblemDocs.RELOAD_AND_RETRY)
    @Transactional
    DeviceView update(@PathVariable String id, @Valid @RequestBody DeviceDetails details) {
        Device device = find(id);
        device.apply(details, clock.instant());
        return devices.saveAndFlush(device).view();
    }

    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable String id) {
        devices.delete(find(id));
        events.publishEvent(new DeviceDeleted(tenant.id(), id, tenant.caller().name()));
        return ResponseEntity.noContent().build();
    }

    private Device find(String id) {
        return devices.findById(key(id)).orElseThrow(() -> new DeviceNotFoundException(id));
    }

    private DeviceKey key(String id) {
        return new DeviceKey(tenant.id(), id);
    }
}
