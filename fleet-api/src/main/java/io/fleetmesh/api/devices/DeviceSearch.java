package io.fleetmesh.api.devices;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One page of a tenant's devices (keyset), filtered and ordered; the REST list and the dashboard's devices page. */
@Component
class DeviceSearch {

    private final DeviceRepository devices;

    DeviceSearch(DeviceRepository devices) {
        this.devices = devices;
    }

    @Transactional(readOnly = true)
    DevicePage page(UUID tenant, DeviceFilter filter, int limit) {
        List<Device> found = devices.findBy(filter.specification(tenant),
                query -> query.sortBy(filter.sort()).limit(limit + 1).all());
        List<DeviceView> page = found.stream().limit(limit).map(Device::view).toList();
        String next = found.size() > limit ? filter.cursorAfter(page.get(limit - 1)) : null;
        return new DevicePage(page, next);
    }
}
