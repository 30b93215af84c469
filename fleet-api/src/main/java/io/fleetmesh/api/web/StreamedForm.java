package io.fleetmesh.api.web;

import io.fleetmesh.api.refusals.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * A dashboard form with a file ({@code multipart/form-data}), read as it arrives: the fields before the file, then the
 * file's bytes straight from the request to whoever stores them, so a package of hundreds of megabytes is never held
 * in memory nor spooled to a temporary file first. The servlet container's own multipart parsing is off
 * ({@code spring.servlet.multipart.enabled=false}); the form carries its CSRF token in its action's query string, as
 * the body is not read before the handler.
 */
public final class StreamedForm {

    /** A form field is a name, a version, a description: never more than this. */
    private static final int MAX_FIELD_BYTES = 4096;
    private static final int MAX_FIELDS = 32;

    /** What is done with the file, given the fields sent before it. */
    public interface FileHandler<T> {
        T take(Map<String, String> fields, InputStream file) throws IOException;
    }

    private StreamedForm() {
    }

    /** The handler's answer for the form's first file; InvalidInput if the body is no form or carries no file. */
    public static <T> T read(HttpServletRequest request, FileHandler<T> handler) throws IOException {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw unreadable("The form is sent as multipart/form-data.");
        }
        try {
            FileItemInputIterator items = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>()
                    .getItemIterator(request);
            Map<String, String> fields = new HashMap<>();
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (!item.isFormField()) {
                    return handler.take(fields, item.getInputStream());
                }
                field(fields, item);
            }
        } catch (FileUploadException e) {
            throw unreadable("The form's body cannot be read: " + e.getMessage());
        }
        throw unreadable("The form carries no file.");
    }

    private static void field(Map<String, String> fields, FileItemInput item) throws IOException {
        try (InputStream value = item.getInputStream()) {
            byte[] bytes = value.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES || fields.size() >= MAX_FIELDS) {
                throw unreadable("A form field has at most %d bytes, a form %d fields.".formatted(MAX_FIELD_BYTES,
                        MAX_FIELDS));
            }
            fields.put(item.getFieldName(), new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static InvalidInput unreadable(String detail) {
        return new InvalidInput("Unreadable form", detail, Map.of());
    }
}
