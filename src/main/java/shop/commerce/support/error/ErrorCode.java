package shop.commerce.support.error;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/** A stable, machine-readable error code with the HTTP status it is answered with. */
public interface ErrorCode {

    String name();

    HttpStatus status();

    /** The problem's title: the code in words ({@code OUT_OF_STOCK} reads "Out of stock"). */
    default String title() {
        String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
