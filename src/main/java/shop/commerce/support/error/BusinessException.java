package shop.commerce.support.error;

import java.util.Map;

/**
 * A request refused by a rule of the API contract. Turned into a problem detail carrying
 * {@link ErrorCode#name()} as {@code code}; {@code properties} become extra problem members.
 */
public class BusinessException extends RuntimeException {

    private final transient ErrorCode errorCode;
    private final transient Map<String, Object> properties;

    public BusinessException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, Map.of());
    }

    public BusinessException(ErrorCode errorCode, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.errorCode = errorCode;
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
