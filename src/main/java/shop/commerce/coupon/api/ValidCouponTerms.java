package shop.commerce.coupon.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import shop.commerce.coupon.domain.DiscountType;

/** The rules of a coupon that span two fields, reported on the field at fault. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCouponTerms.Validator.class)
public @interface ValidCouponTerms {

    String message() default "inconsistent coupon";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCouponTerms, CreateCouponRequest> {

        @Override
        public boolean isValid(CreateCouponRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (request.discountType() == DiscountType.PERCENT && request.discountValue() != null
                    && request.discountValue() > 100) {
                reject(context, "discountValue", "must be at most 100 for a PERCENT discount");
                valid = false;
            }
            if (request.issueStartsAt() != null && request.issueEndsAt() != null
                    && !request.issueEndsAt().isAfter(request.issueStartsAt())) {
                reject(context, "issueEndsAt", "must be after issueStartsAt");
                valid = false;
            }
            return valid;
        }

        private static void reject(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        }
    }
}
