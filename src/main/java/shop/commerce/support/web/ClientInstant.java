package shop.commerce.support.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An instant a client may send (docs/api.md): from the start of 2000 up to the end of 2100, UTC. Beyond
 * that the database, the coupon gate's arithmetic or the calendar would break before any rule does.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ClientInstant.Validator.class)
public @interface ClientInstant {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("2100-12-31T23:59:59.999999Z");

    String message() default "must lie between the years 2000 and 2100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ClientInstant, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
        }
    }
}
