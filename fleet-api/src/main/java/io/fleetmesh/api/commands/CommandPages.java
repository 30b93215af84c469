package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's commands page of a device: its latest commands with their lifecycle, and a form to send one (the
 * same queue as {@code POST /api/v1/devices/{id}/commands}; post, redirect, get).
 */
@Controller
class CommandPages {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final CommandRepository commands;
    private final CommandRequests requests;
    private final CommandQueue queue;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final Validator validator;

    CommandPages(CommandRepository commands, CommandRequests requests, CommandQueue queue, DeviceDirectory directory,
                 CurrentTenant tenant, Validator validator) {
        this.validator = validator;
        this.commands = commands;
        this.requests = requests;
        this.queue = queue;
        this.directory = directory;
        this.tenant = tenant;
    }

    @GetMapping("/devices/{deviceId}/commands")
    String page(@PathVariable String deviceId, Model model) {
        directory.requireRegistered(tenant.id(), deviceId);
        List<CommandView> latest = commands.findAll(new CommandFilter(tenant.id(), deviceId, null, null, null, null, null,
                null).specification(), PageRequest.of(0, 50, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
                .map(Command::view).getContent();
        model.addAttribute("deviceId", deviceId).addAttribute("commands", latest)
                .addAttribute("caller", tenant.caller().name());
        return "device-commands";
    }

    @PostMapping("/devices/{deviceId}/commands")
    String send(@PathVariable String deviceId, @RequestParam String type, @RequestParam(defaultValue = "") String params,
                @RequestParam(defaultValue = "PT1H") String ttl, RedirectAttributes redirect) {
        Caller caller = tenant.caller();
        directory.requireRegistered(caller.tenantId(), deviceId);
        try {
            NewCommand command = new NewCommand(type, params(params), Duration.parse(ttl), List.of());
            validator.validate(command).stream().findFirst().ifPresent(violation -> {
                throw new IllegalArgumentException(violation.getPropertyPath() + " " + violation.getMessage());
            });
            Command queued = queue.queue(caller.tenantId(), deviceId, requests.of(command, caller, null, "device:" + deviceId), null);
            redirect.addFlashAttribute("notice", "Command " + queued.id() + " queued.");
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException | ResponseStatusException e) {
            redirect.addFlashAttribute("problem", "Not sent: " + reason(e));
        }
        return "redirect:/devices/" + deviceId + "/commands";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(String text) {
        return text.isBlank() ? Map.of() : json.readValue(text, Map.class);
    }

    private static String reason(Exception e) {
        return e instanceof ResponseStatusException status ? status.getReason()
                : e instanceof JacksonException ? "params must be a JSON object" : e.getMessage();
    }
}
