package org.vigil.service.context;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.vigil.rules.Dosage;

/** What the dose, route and opioid checks read from a prescriber's dosage instruction. */
class DosageReaderTest {

    private static Dosage read(String dosageInstruction) {
        String json = """
                {"resourceType": "MedicationRequest", "id": "d1", "status": "draft", "intent": "order",
                 "medicationCodeableConcept": {"text": "oxycodone"},
                 "subject": {"reference": "Patient/p"}%s}
                """.formatted(
                        dosageInstruction.isEmpty() ? "" : ", \"dosageInstruction\": [" + dosageInstruction + "]");
        MedicationRequest order =
                FhirContext.forR4Cached().newJsonParser().parseResource(MedicationRequest.class, json);
        return DosageReader.read(order);
    }

    @Test
    void twoTabletsEveryFourToSixHoursAsNeededAllowsSixAdministrationsADay() {
        Dosage dosage = read("""
                {"text": "2 tablets by mouth every 4-6 hours as needed",
                 "timing": {"repeat": {"frequency": 1, "period": 4, "periodMax": 6, "periodUnit": "h"}},
                 "asNeededBoolean": true,
                 "route": {"coding": [{"system": "http://snomed.info/sct", "code": "26643006", "display": "Oral route"}]},
                 "doseAndRate": [{"doseQuantity": {"value": 2, "unit": "tablet", "system": "http://unitsofmeasure.org", "code": "{tbl}"}}]}
                """);

        assertThat(dosage.dose()).isEqualByComparingTo("2");
        assertThat(dosage.doseUnit()).isEqualTo("tablet");
        assertThat(dosage.administrationsPerDay()).isEqualTo(6.0);
        assertThat(dosage.daysBetweenDosingDays()).isEqualTo(1.0);
        assertThat(dosage.route()).isEqualTo("oral");
        assertThat(dosage.asNeeded()).isTrue();
        assertThat(dosage.describe()).contains("2 tablet", "every 4-6 hours");
    }

    @Test
    void onceWeeklyIsOneAdministrationEverySevenDays() {
        Dosage dosage = read("""
                {"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "wk"}},
                 "doseAndRate": [{"doseQuantity": {"value": 15, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}
                """);

        assertThat(dosage.administrationsPerDay()).isEqualTo(1.0);
        assertThat(dosage.daysBetweenDosingDays()).isEqualTo(7.0);
    }

    @Test
    void threeTimesAWeekIsOneAdministrationOnEachOfThreeDays() {
        Dosage dosage = read("""
                {"timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "wk"}},
                 "doseAndRate": [{"doseQuantity": {"value": 2.5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}
                """);

        assertThat(dosage.administrationsPerDay()).isEqualTo(1.0);
        assertThat(dosage.daysBetweenDosingDays()).isCloseTo(7.0 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTimingCodeAndARouteGivenAsTextAreUnderstood() {
        Dosage dosage = read("""
                {"timing": {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "BID"}]}},
                 "route": {"text": "IV"},
                 "doseAndRate": [{"doseRange": {"low": {"value": 500, "code": "mg"}, "high": {"value": 1000, "code": "mg"}}}]}
                """);

        assertThat(dosage.administrationsPerDay()).isEqualTo(2.0);
        assertThat(dosage.route()).isEqualTo("intravenous");
        assertThat(dosage.routeText()).isEqualTo("IV");
        assertThat(dosage.dose()).as("the top of a dose range").isEqualByComparingTo("1000");
    }

    @Test
    void anOrderWithoutDosageInstructionsLeavesEverythingUnstated() {
        Dosage dosage = read("");

        assertThat(dosage).isEqualTo(Dosage.UNSTATED);
        assertThat(dosage.hasDose()).isFalse();
        assertThat(dosage.hasFrequency()).isFalse();
    }

    @Test
    void sublingualAndRectalRoutesAreRecognisedSoAnIntravenousOnlyDrugIsCaughtByThem() {
        assertThat(read("""
                        {"route": {"coding": [{"system": "http://snomed.info/sct", "code": "37839007"}]}}
                        """).route()).isEqualTo("sublingual");
        assertThat(read("""
                        {"route": {"text": "PR"}}
                        """).route()).isEqualTo("rectal");
    }

    @Test
    void anUnknownRouteIsKeptAsWrittenButNotGuessed() {
        Dosage dosage = read("""
                {"route": {"text": "nebulised"}}
                """);

        assertThat(dosage.route()).isNull();
        assertThat(dosage.routeText()).isEqualTo("nebulised");
    }
}
