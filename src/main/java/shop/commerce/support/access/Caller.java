package shop.commerce.support.access;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;

/**
 * Who makes a request, as the use cases see it: a user id and whether it is an administrator.
 * The rule of who may touch what lives here: a user acts only on itself; an administrator may
 * also read anyone's resources. The security layer builds it from the token
 * ({@code support.security.CurrentUser}).
 */
public record Caller(long id, boolean admin) {

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
