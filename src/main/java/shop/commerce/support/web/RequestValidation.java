package shop.commerce.support.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.FieldViolation;
import shop.commerce.support.security.CurrentUser;

/**
 * Bean validation run by hand, for the few requests where another check must come first (a 403
 * for a body naming another user wins over a 400).
 */
@Component
public class RequestValidation {

    private final Validator validator;

    RequestValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * Refuses (403) a body whose {@code userId} names another user than the caller, then validates
     * it: the 403 comes before any 400 of the body's fields.
     */
    public <T> T validateForCaller(Long bodyUserId, T request) {
        if (bodyUserId != null) {
            CurrentUser.get().requireSelf(bodyUserId);
        }
        return validate(request);
    }

    public <T> T validate(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldViolation> errors = violations.stream()
                    .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldViolation::field))
                    .toList();
            throw new BusinessException(CommonErrorCode.VALIDATION_FAILED, "The request has invalid fields",
                    Map.of("errors", errors));
        }
        return request;
    }
}
