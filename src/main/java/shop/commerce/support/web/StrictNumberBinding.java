package shop.commerce.support.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and query strings are plain decimals. Spring's default number editor
 * would also take {@code 0x10}, {@code #10} or {@code +5}; a binder's own editor comes first.
 */
@ControllerAdvice
class StrictNumberBinding {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void plainDecimals(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new PlainDecimal(true, true));
        binder.registerCustomEditor(int.class, new PlainDecimal(true, false));
        binder.registerCustomEditor(Long.class, new PlainDecimal(false, true));
        binder.registerCustomEditor(long.class, new PlainDecimal(false, false));
    }

    private static final class PlainDecimal extends PropertyEditorSupport {

        private final boolean integer;
        private final boolean nullable;

        PlainDecimal(boolean integer, boolean nullable) {
            this.integer = integer;
            this.nullable = nullable;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                if (!nullable) {
                    throw new IllegalArgumentException("a number is required");
                }
                setValue(null);
                return;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("not a plain decimal number");
            }
            try {
                long value = Long.parseLong(text);
                setValue(integer ? Integer.valueOf(Math.toIntExact(value)) : Long.valueOf(value));
            } catch (ArithmeticException outOfRange) {
                throw new IllegalArgumentException("out of range", outOfRange);
            }
        }
    }
}
