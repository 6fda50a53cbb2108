package shop.commerce.support.error;

import org.springframework.http.HttpStatus;

/** A stable, machine-readable error code with the HTTP status it is answered with. */
public interface ErrorCode {

    String name();

    HttpStatus status();

    String title();
}
