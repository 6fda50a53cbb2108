package shop.commerce.catalog.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.FieldViolation;

/**
 * A product's or an option's name: the form shown (trimmed of every Unicode space, {@code \p{Z}}
 * including U+00A0, then NFC) and the key names are compared by (that form case-folded), so
 * {@code Shirt}, {@code shirt} and {@code Shirt} + U+00A0 are one name. A name holding a format
 * character (zero-width characters, bidirectional controls, the BOM), a control character, a
 * line or paragraph separator or a lone surrogate is refused, as is one left empty by trimming.
 * The database holds the key under a unique index, so concurrent writers cannot both win.
 */
public final class CatalogName {

    public static final int MAX_PRODUCT_NAME_LENGTH = 200;
    public static final int MAX_OPTION_NAME_LENGTH = 100;

    private static final Pattern EDGE_SPACES = Pattern.compile("^\\p{Z}+|\\p{Z}+$");

    private final String display;
    private final String key;

    private CatalogName(String display) {
        this.display = display;
        this.key = Normalizer.normalize(display.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    public static CatalogName ofProduct(String field, String given) {
        return of(field, given, MAX_PRODUCT_NAME_LENGTH);
    }

    public static CatalogName ofOption(String field, String given) {
        return of(field, given, MAX_OPTION_NAME_LENGTH);
    }

    private static CatalogName of(String field, String given, int maxLength) {
        if (given == null) {
            throw invalid(field, "must not be null");
        }
        given.codePoints().filter(CatalogName::refused).findFirst().ifPresent(c -> {
            throw invalid(field, String.format("must not contain U+%04X: format, control and separator characters"
                    + " and lone surrogates are refused", c));
        });
        String display = Normalizer.normalize(EDGE_SPACES.matcher(given).replaceAll(""), Normalizer.Form.NFC);
        if (display.isEmpty()) {
            throw invalid(field, "must not be blank");
        }
        if (display.length() > maxLength) {
            throw invalid(field, "must be at most " + maxLength + " characters");
        }
        return new CatalogName(display);
    }

    private static boolean refused(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** The name as stored and shown. */
    public String display() {
        return display;
    }

    /** What two names are compared by: equal keys are one name. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return display;
    }

    private static BusinessException invalid(String field, String message) {
        return new BusinessException(CommonErrorCode.VALIDATION_FAILED, field + " " + message,
                Map.of("errors", List.of(new FieldViolation(field, message))));
    }
}
