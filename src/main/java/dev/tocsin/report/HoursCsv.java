package dev.tocsin.report;

import java.util.List;

/** The hours report as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted). */
final class HoursCsv {
    static final String HEADER = "user_id,name,timezone,working_hours,primary_hours,backup_hours,total_hours,"
            + "primary_outside_working_hours,backup_outside_working_hours,outside_working_hours,"
            + "pages,notifications,pages_outside_working_hours";

    private HoursCsv() {
    }

    static String write(List<PersonHours> report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (PersonHours person : report) {
            out.append(String.join(",", field(person.userId()), field(person.name()), field(person.timezone()),
                    field(person.workingHours()), number(person.primaryHours()), number(person.backupHours()),
                    number(person.totalHours()), number(person.primaryOutsideWorkingHours()),
                    number(person.backupOutsideWorkingHours()), number(person.outsideWorkingHours()),
                    Integer.toString(person.pages()), Integer.toString(person.notifications()),
                    count(person.pagesOutsideWorkingHours()))).append("\r\n");
        }
        return out.toString();
    }

    private static String field(String value) {
        if (value == null) return "";
        // A leading =, +, - or @ would be run as a formula by spreadsheet apps; a quote mark defuses it.
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        boolean needsQuotes = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        if (!needsQuotes && safe.equals(value)) return safe;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String count(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
