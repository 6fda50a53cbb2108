package shop.commerce.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;

/** The authenticated caller: its user id (the token's {@code sub}) and roles. */
public record CurrentUser(long id, boolean admin) {

    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new BusinessException(CommonErrorCode.UNAUTHENTICATED, "Authentication required");
        }
        return of(authentication);
    }

    public static CurrentUser of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
        return new CurrentUser(Long.parseLong(authentication.getName()), admin);
    }

    /** A user may act only on itself; an administrator may also read anyone. */
    public boolean mayAccess(long userId, boolean readOnly) {
        return id == userId || (admin && readOnly);
    }

    /** Refuses (403) when a body names a user other than the caller. */
    public void requireSelf(long userId) {
        if (id != userId) {
            throw new BusinessException(CommonErrorCode.FORBIDDEN, "The request names another user");
        }
    }
}
