package org.vigil.service.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A FHIR date, dateTime, instant or Period as the half-open range of instants it covers: 2024 is
 * the whole year, 2024-03-05 the whole day (read in UTC when it carries no offset), a dateTime to
 * the second that second, a Period from its start to its end (an open end reaching far into the
 * past or future).
 */
public record DateRange(Instant low, Instant high) {

    static final Instant FAR_PAST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

    /** Parses a FHIR date or dateTime value; throws {@link IllegalArgumentException} when it is none. */
    public static DateRange parse(String value) {
        try {
            switch (value.length()) {
                case 4:
                    Instant year = LocalDate.of(Integer.parseInt(value), 1, 1)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC);
                    return new DateRange(
                            year, year.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
                case 7:
                    YearMonth month = YearMonth.parse(value);
                    Instant first = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                    return new DateRange(
                            first, first.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
                case 10:
                    Instant day = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                    return new DateRange(day, day.plus(1, ChronoUnit.DAYS));
                default:
                    return dateTime(value);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a FHIR date or dateTime: " + value);
        }
    }

    private static DateRange dateTime(String value) {
        String withSeconds = value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}([Zz]|[+-].*)")
                ? value.substring(0, 16) + ":00" + value.substring(16)
                : value;
        Instant low = OffsetDateTime.parse(withSeconds).toInstant();
        ChronoUnit precision = !withSeconds.equals(value)
                ? ChronoUnit.MINUTES
                : value.indexOf('.', 19) > 0 ? ChronoUnit.MILLIS : ChronoUnit.SECONDS;
        return new DateRange(low, low.truncatedTo(precision).plus(1, precision));
    }

    static DateRange between(DateRange start, DateRange end) {
        return new DateRange(start == null ? FAR_PAST : start.low(), end == null ? FAR_FUTURE : end.high());
    }
}
