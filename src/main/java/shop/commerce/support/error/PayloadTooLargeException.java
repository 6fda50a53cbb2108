package shop.commerce.support.error;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
    }
}
