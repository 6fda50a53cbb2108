package shop.commerce.support.error;

import org.springframework.http.HttpStatus;

/** An error code of a capability's rules: it names its {@link ErrorKind}, the status follows. */
public interface BusinessErrorCode extends ErrorCode {

    ErrorKind kind();

    @Override
    default HttpStatus status() {
        return kind().status();
    }
}
