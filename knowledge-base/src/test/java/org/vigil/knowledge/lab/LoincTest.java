package org.vigil.knowledge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoincTest {

    @ParameterizedTest
    @ValueSource(strings = {"2823-3", "6301-6", "777-3", "10535-3", "35668-3", "20578-1", "14334-7", "2160-0"})
    void publishedCodesPassTheCheckDigit(String loinc) {
        assertThat(Loinc.isValid(loinc)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2823-4", "6301-5", "777-0", "10535-1"})
    void aMistypedCheckDigitIsCaught(String loinc) {
        assertThat(Loinc.isValid(loinc)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2823", "2823-", "28a3-3", "12345678-9", "2823-33", ""})
    void somethingThatIsNotALoincCodeIsRefused(String code) {
        assertThat(Loinc.isValid(code)).isFalse();
    }
}
