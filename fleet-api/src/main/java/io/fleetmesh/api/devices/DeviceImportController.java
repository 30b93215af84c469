package io.fleetmesh.api.devices;

import io.fleetmesh.api.identity.CurrentTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk registration: {@code POST /api/v1/device-imports} with a CSV body ({@code text/csv}: id,name,kind[,tags]) answers
 * 202 with the import, which runs in the background; {@code GET} shows its progress and, row by row, the outcome.
 */
@RestController
@Validated
class DeviceImportController {

    private final DeviceImports imports;
    private final DeviceImportQueries queries;
    private final CurrentTenant tenant;

    DeviceImportController(DeviceImports imports, DeviceImportQueries queries, CurrentTenant tenant) {
        this.imports = imports;
        this.queries = queries;
        this.tenant = tenant;
    }

    /** The body is UTF-8 unless its Content-Type names another charset (text/* would default to ISO-8859-1). */
    @PostMapping(path = "/api/v1/device-imports", consumes = "text/csv")
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "text/csv", schema = @Schema(type = "string", example = "id,name,kind,tags\ntruck-1,Truck 1,van,north"))))
    ResponseEntity<DeviceImportView> start(@Parameter(hidden = true) HttpEntity<byte[]> body) {
        MediaType type = body.getHeaders().getContentType();
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        UUID id = imports.start(tenant.caller(), new String(body.getBody() == null ? new byte[0] : body.getBody(), charset));
        return ResponseEntity.accepted().location(URI.create("/api/v1/device-imports/" + id)).body(get(id, 0));
    }

    /** With the outcome of each of its first {@code rows} lines (all of them by default). */
    @GetMapping("/api/v1/device-imports/{id}")
    DeviceImportView get(@PathVariable UUID id,
                         @RequestParam(defaultValue = "" + CsvDevices.MAX_ROWS) @Min(0) @Max(CsvDevices.MAX_ROWS) int rows) {
        return queries.find(tenant.id(), id, rows);
    }
}
