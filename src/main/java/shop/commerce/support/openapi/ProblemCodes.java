package shop.commerce.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes an operation answers beyond those every operation of its kind shares (bad input,
 * tokens, methods, media types, idempotency keys, a database away): its business refusals, its
 * {@code 404}s and its rate limit. The OpenAPI description lists them with an example problem each;
 * a name that is not an error code stops the description from being built.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemCodes {

    /** Error code names, such as {@code "OUT_OF_STOCK"}. */
    String[] value();
}
