package shop.commerce.support.error;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every error code the service can answer, by name: the constants of each enum implementing
 * {@link ErrorCode} in the application's packages, found once on the class path, so a capability's
 * codes are known here without this package depending on the capability.
 */
public final class ErrorCodeCatalog {

    private static final String BASE_PACKAGE = "shop.commerce";
    private static final Map<String, ErrorCode> CODES = Collections.unmodifiableMap(scan());

    private ErrorCodeCatalog() {
    }

    /** Every code by name, in name order. */
    public static Map<String, ErrorCode> all() {
        return CODES;
    }

    public static ErrorCode named(String name) {
        ErrorCode code = CODES.get(name);
        if (code == null) {
            throw new IllegalArgumentException("No error code is named " + name);
        }
        return code;
    }

    private static Map<String, ErrorCode> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        Map<String, ErrorCode> codes = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ErrorCodeCatalog.class.getClassLoader());
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                ErrorCode code = (ErrorCode) constant;
                ErrorCode earlier = codes.putIfAbsent(code.name(), code);
                if (earlier != null) {
                    throw new IllegalStateException("Two error codes are named " + code.name() + ": in "
                            + earlier.getClass().getName() + " and " + type.getName());
                }
            }
        }
        return codes;
    }
}
