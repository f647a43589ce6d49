package org.vigil.service.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefetchQueryTest {

    @Test
    void aReadNamesTypeAndId() {
        PrefetchQuery read = PrefetchQuery.parse("Patient/abc-1").orElseThrow();
        assertThat(read.isRead()).isTrue();
        assertThat(read.type()).isEqualTo("Patient");
        assertThat(read.id()).isEqualTo("abc-1");
    }

    @Test
    void aSearchDecodesItsParametersAndKeepsTheEncodedFormToSend() {
        PrefetchQuery search = PrefetchQuery.parse(
                        "Observation?patient=a%26b&category=laboratory&_sort=-date&code=http://loinc.org|2160-0,x")
                .orElseThrow();
        assertThat(search.isRead()).isFalse();
        assertThat(search.type()).isEqualTo("Observation");
        assertThat(search.params())
                .containsExactly(
                        Map.entry("patient", List.of("a&b")),
                        Map.entry("category", List.of("laboratory")),
                        Map.entry("_sort", List.of("-date")),
                        Map.entry("code", List.of("http://loinc.org|2160-0,x")));
        assertThat(search.relative()).startsWith("Observation?patient=a%26b&");
    }

    @Test
    void whatIsNeitherAReadNorATypeSearchIsNotRun() {
        assertThat(PrefetchQuery.parse("?patient=1")).isEmpty();
        assertThat(PrefetchQuery.parse("Patient/1/_history/2")).isEmpty();
        assertThat(PrefetchQuery.parse("metadata")).isEmpty();
    }
}
