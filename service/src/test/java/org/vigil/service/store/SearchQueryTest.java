package org.vigil.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Search parameters become index conditions, or a 400 when the store cannot honour them. */
class SearchQueryTest {

    private final IndexedType observation = new ResourceTypes().require("Observation");

    @Test
    void aDateWithAPrefixBecomesARangeCondition() {
        SearchQuery query = SearchQuery.parse(observation, Map.of("date", List.of("ge2024-02-01")));
        assertThat(query.where()).contains("fhir_search_date").contains("d.high > $2::timestamptz");
        assertThat(query.binds()).contains("2024-02-01T00:00:00Z", "date");
    }

    @Test
    void everyBoundValueIsUsedInTheQuery() {
        for (String prefix : List.of("eq", "lt", "le", "gt", "ge")) {
            SearchQuery query = SearchQuery.parse(
                    observation,
                    Map.of("date", List.of(prefix + "2024-02-01,2025"), "code", List.of("http://loinc.org|1-8,2")));
            for (int i = 1; i <= query.binds().size(); i++) {
                assertThat(query.where()).as(prefix).containsPattern("\\$" + i + "(?!\\d)");
            }
        }
    }

    @Test
    void datesCoverTheirWholePrecision() {
        assertThat(DateRange.parse("2024"))
                .isEqualTo(new DateRange(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(DateRange.parse("2024-02"))
                .isEqualTo(new DateRange(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")));
        assertThat(DateRange.parse("2024-03-05T08:30:00+01:00"))
                .isEqualTo(new DateRange(Instant.parse("2024-03-05T07:30:00Z"), Instant.parse("2024-03-05T07:30:01Z")));
        assertThat(DateRange.parse("2024-03-05T08:30Z").high()).isEqualTo(Instant.parse("2024-03-05T08:31:00Z"));
        assertThatThrownBy(() -> DateRange.parse("2024-13-45")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownParametersAndModifiersAreRefused() {
        assertThatThrownBy(() -> SearchQuery.parse(observation, Map.of("colour", List.of("red"))))
                .isInstanceOfSatisfying(
                        FhirProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> SearchQuery.parse(observation, Map.of("code:in", List.of("http://x"))))
                .hasMessageContaining("modifier :in");
        assertThatThrownBy(() -> SearchQuery.parse(observation, Map.of("date", List.of("sa2024"))))
                .hasMessageContaining("prefix sa");
    }
}
