package io.fleetmesh.api.commands;

import io.fleetmesh.api.web.KeysetCursor;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Commands with their lifecycle, newest first: the REST lists, the commands pages and a device's detail page. */
@Component
@Transactional(readOnly = true)
public class CommandHistory {

    private final CommandRepository commands;

    CommandHistory(CommandRepository commands) {
        this.commands = commands;
    }

    public List<CommandView> latest(UUID tenant, String device, int limit) {
        return page(new CommandFilter(tenant, device, null, null, null, null, null, null), limit).items();
    }

    /** One page of the list, newest first, with the cursor of the next (the REST lists and the commands page). */
    CommandPage page(CommandFilter filter, int limit) {
        List<Command> found = commands.findAll(filter.specification(), PageRequest.of(0, limit + 1,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))).getContent();
        KeysetCursor.Slice<Command> page = KeysetCursor.slice(found, limit, Command::position);
        return new CommandPage(page.items().stream().map(Command::view).toList(), page.nextCursor());
    }
}
