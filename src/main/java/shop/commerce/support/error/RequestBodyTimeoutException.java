package shop.commerce.support.error;

import java.io.IOException;

/** Raised while reading a request body the client has not finished sending in the time allowed. */
public class RequestBodyTimeoutException extends IOException {

    public RequestBodyTimeoutException(String message) {
        super(message);
    }
}
