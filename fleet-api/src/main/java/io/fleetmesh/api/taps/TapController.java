package io.fleetmesh.api.taps;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's data taps (ADR 0015): durable feeds any NATS client reads with the credentials answered at creation.
 * Viewers look; administrators create, pause, reset, issue credentials and delete.
 */
@RestController
@RequestMapping("/api/v1/taps")
class TapController {

    private final Taps taps;
    private final CurrentTenant tenant;

    TapController(Taps taps, CurrentTenant tenant) {
        this.taps = taps;
        this.tenant = tenant;
    }

    @GetMapping
    List<TapView> list() {
        return taps.list(tenant.id());
    }

    /** Answers the tap and its reader's {@code .creds} file, shown this once. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedTap create(@Valid @RequestBody NewTap tap) {
        return taps.create(tenant.caller(), tap);
    }

    @GetMapping("/{name}")
    TapView view(@PathVariable String name) {
        return taps.view(tenant.id(), name);
    }

    /** Stream sequences the tap missed because the stream discarded them first, newest first. */
    @GetMapping("/{name}/gaps")
    List<TapGap> gaps(@PathVariable String name) {
        return taps.gaps(tenant.id(), name);
    }

    /** The files an exporting tap wrote, newest first. */
    @GetMapping("/{name}/exports")
    List<TapExportFile> exports(@PathVariable String name) {
        return taps.exports(tenant.id(), name);
    }

    @GetMapping("/{name}/dead-letters")
    List<DeadLetter> deadLetters(@PathVariable String name) {
        return taps.deadLetters(tenant.id(), name);
    }

    /** The reader is cut off and its place kept; {@code resume} lets it back with the same credentials. */
    @PostMapping("/{name}/pause")
    @Refuses(status = 409, detail = Taps.NO_MESH)
    TapView pause(@PathVariable String name) {
        return taps.pause(tenant.caller(), name, true);
    }

    @PostMapping("/{name}/resume")
    @Refuses(status = 409, detail = Taps.NO_MESH)
    TapView resume(@PathVariable String name) {
        return taps.pause(tenant.caller(), name, false);
    }

    /** Moves the tap to a stream sequence or a time; what it reads next starts there. */
    @PostMapping("/{name}/reset")
    TapView reset(@PathVariable String name, @Valid @RequestBody TapReset reset) {
        return taps.reset(tenant.caller(), name, reset);
    }

    /** New credentials for the tap's reader; the older ones are revoked. */
    @PostMapping("/{name}/credentials")
    @Refuses(status = 409, detail = Taps.NO_MESH)
    @Refuses(status = 409, detail = Taps.EXPORTED)
    ResponseEntity<String> credentials(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tap-" + name + ".creds\"")
                .body(taps.rotate(tenant.caller(), name));
    }

    /** The consumer and the tap's credentials go; what it recorded (gaps, dead letters) with it. */
    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        taps.delete(tenant.caller(), name);
        return ResponseEntity.noContent().build();
    }
}
