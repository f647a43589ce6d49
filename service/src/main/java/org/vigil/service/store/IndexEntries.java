package org.vigil.service.store;

import java.time.Instant;
import java.util.List;

/** What the search index keeps of one resource version. */
record IndexEntries(String patientId, Instant sortDate, List<Token> tokens, List<DateEntry> dates) {

    record Token(String param, String system, String code) {}

    record DateEntry(String param, DateRange range) {}
}
