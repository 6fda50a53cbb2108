package shop.commerce.consistency.infrastructure;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A zone as PostgreSQL's {@code at time zone} reads it. A region id is passed as text; a fixed
 * offset ({@code +09:00}, {@code UTC+9}) is passed as an interval, because PostgreSQL reads text
 * such as {@code +09:00} as a POSIX zone, where positive means west of Greenwich.
 *
 * @param expression the SQL for the zone, with a {@code :zone} parameter
 * @param value what to bind to {@code :zone}
 */
record SqlZone(String expression, Object value) {

    static SqlZone of(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            return new SqlZone("(cast(:zone as integer) * interval '1 second')", offset.getTotalSeconds());
        }
        return new SqlZone("cast(:zone as text)", zone.getId());
    }
}
