package shop.commerce.support.security;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import shop.commerce.support.access.Caller;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;

/** The authenticated caller of the current request, from its token's {@code sub} and roles. */
public final class CurrentUser {

    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");

    /** A user id as docs/api.md writes it: a positive decimal that fits a signed 64-bit integer. */
    public static OptionalLong parseId(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException pastLong) {
            return OptionalLong.empty();
        }
    }

    private CurrentUser() {
    }

    public static Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new BusinessException(CommonErrorCode.UNAUTHENTICATED, "Authentication required");
        }
        return of(authentication);
    }

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
        long id = parseId(authentication.getName()).orElseThrow(
                () -> new BusinessException(CommonErrorCode.UNAUTHENTICATED, "The token's subject is not a user id"));
        return new Caller(id, admin);
    }
}
