package io.fleetmesh.api.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer only this handler gives (a conflict, a refusal of its domain), for the OpenAPI document: the
 * response with its problem detail example. Not swagger's {@code @ApiResponse}: declaring one makes springdoc leave
 * out the success response it derives from the method. One per status.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Refuses.All.class)
public @interface Refuses {

    /** The HTTP status, e.g. 409. */
    int status();

    /** The problem's detail, as the refusal words it. */
    String detail();

    /** When it happens, if the detail does not say; the response's description. */
    String when() default "";

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface All {
        Refuses[] value();
    }
}
