package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormChecks;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's commands pages: the fleet's latest commands, and a device's with a form to send one (the same
 * queue as {@code POST /api/v1/devices/{id}/commands}; post, redirect, get).
 */
@Controller
@Validated
class CommandPages {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final CommandHistory history;
    private final FanOuts fanOuts;
    private final CommandIntake intake;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final Validator validator;

    CommandPages(CommandHistory history, FanOuts fanOuts, CommandIntake intake, DeviceDirectory directory,
                 CurrentTenant tenant, Validator validator) {
        this.history = history;
        this.fanOuts = fanOuts;
        this.intake = intake;
        this.directory = directory;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/devices/{deviceId}/commands")
    String page(@PathVariable String deviceId, Model model) {
        directory.requireRegistered(tenant.id(), deviceId);
        model.addAttribute("deviceId", deviceId).addAttribute("commands", history.latest(tenant.id(), deviceId, 50))
                .addAttribute("caller", tenant.caller().name());
        return "device-commands";
    }

    /** The fleet's latest commands, optionally of one state or type; rows change as the commands progress. */
    @GetMapping("/commands")
    String fleet(@RequestParam(required = false) CommandState state,
                 @RequestParam(required = false) @Pattern(regexp = "|[a-z0-9-]{1,64}") String type,
                 @RequestParam(required = false) UUID fanout,
                 @RequestParam(required = false) @Size(max = 200) String cursor, Model model) {
        String wanted = type == null || type.isBlank() ? null : type;
        model.addAttribute("page", history.page(new CommandFilter(tenant.id(), null, state, wanted, fanout, null, null,
                        cursor == null || cursor.isBlank() ? null : cursor), 100))
                .addAttribute("state", state).addAttribute("type", wanted).addAttribute("states", CommandState.values())
                .addAttribute("fanout", fanout == null ? null : fanOuts.find(tenant.id(), fanout))
                .addAttribute("caller", tenant.caller().name());
        return "commands";
    }

    /** One command for every device with a tag; its progress is shown on the commands page. */
    @PostMapping("/commands/fanout")
    String fanOut(@RequestParam String tag, @RequestParam String type, @RequestParam(defaultValue = "") String params,
                  @RequestParam(defaultValue = "PT1H") String ttl, RedirectAttributes redirect) {
        try {
            NewCommand command = FormChecks.valid(validator, new NewCommand(type, params(params), Duration.parse(ttl), List.of()));
            FanOutView started = fanOuts.start(tenant.caller(), new FanOut(command, tag, null));
            return "redirect:/commands?fanout=" + started.id();
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException | Refusal e) {
            redirect.addFlashAttribute("problem", "Not sent: " + reason(e));
            return "redirect:/commands";
        }
    }

    @PostMapping("/devices/{deviceId}/commands")
    String send(@PathVariable String deviceId, @RequestParam String type, @RequestParam(defaultValue = "") String params,
                @RequestParam(defaultValue = "PT1H") String ttl, @RequestParam(defaultValue = "commands") String back,
                RedirectAttributes redirect) {
        Caller caller = tenant.caller();
        directory.requireRegistered(caller.tenantId(), deviceId);
        try {
            NewCommand command = FormChecks.valid(validator, new NewCommand(type, params(params), Duration.parse(ttl), List.of()));
            Command queued = intake.submit(caller, deviceId, command, null, null).command();
            redirect.addFlashAttribute("notice", "Command " + queued.id() + " queued.");
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException | Refusal e) {
            redirect.addFlashAttribute("problem", "Not sent: " + reason(e));
        }
        // the form is on the device's commands page and on its detail page: back to the one it came from
        return "redirect:/devices/" + deviceId + (back.equals("detail") ? "" : "/commands");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(String text) {
        return text.isBlank() ? Map.of() : json.readValue(text, Map.class);
    }

    private static String reason(Exception e) {
        return e instanceof Refusal refusal ? refusal.detail()
                : e instanceof JacksonException ? "params must be a JSON object" : e.getMessage();
    }
}
