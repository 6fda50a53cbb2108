package shop.commerce.support.error;

import org.springframework.http.HttpStatus;

/**
 * The kinds of refusal a business rule makes, so that the capabilities' domains name theirs
 * without knowing HTTP; the web edge answers each with its status.
 */
public enum ErrorKind {
    /** the request breaks a rule of its own (400) */
    INVALID(HttpStatus.BAD_REQUEST),
    /** what it names does not exist (404) */
    NOT_FOUND(HttpStatus.NOT_FOUND),
    /** the current state refuses it (409) */
    CONFLICT(HttpStatus.CONFLICT);

    private final HttpStatus status;

    ErrorKind(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
