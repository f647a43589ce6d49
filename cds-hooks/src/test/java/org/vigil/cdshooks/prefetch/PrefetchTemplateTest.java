package org.vigil.cdshooks.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.cdshooks.hook.Hooks;
import org.vigil.cdshooks.request.HookContext;

class PrefetchTemplateTest {

    private static final HookContext CONTEXT =
            HookContext.ofStrings(Map.of("userId", "Practitioner/prac-1", "patientId", "123", "encounterId", "enc-9"));

    @Test
    void theSpecExamplesParseAndResolveForPatientView() {
        PrefetchTemplate a1c = PrefetchTemplate.parse(
                "Observation?patient={{context.patientId}}&code=4548-4&_count=1&sort:desc=date", Hooks.PATIENT_VIEW);

        assertThat(a1c.tokens()).containsExactly("context.patientId");
        assertThat(a1c.resolve(CONTEXT)).contains("Observation?patient=123&code=4548-4&_count=1&sort:desc=date");
        assertThat(PrefetchTemplate.parse("Patient/{{context.patientId}}", Hooks.PATIENT_VIEW)
                        .resolve(CONTEXT))
                .contains("Patient/123");
    }

    @ParameterizedTest
    @CsvSource({
        "order-select, MedicationRequest?patient={{context.patientId}}&encounter={{context.encounterId}}",
        "order-sign, Encounter/{{context.encounterId}}",
        "medication-prescribe, AllergyIntolerance?patient={{context.patientId}}",
        "patient-view, Condition?patient={{context.patientId}}&category=problem-list-item"
    })
    void validTemplatesForEachHook(String hook, String template) {
        PrefetchTemplate parsed =
                PrefetchTemplate.parse(template, Hooks.find(hook).orElseThrow());

        assertThat(parsed.template()).isEqualTo(template);
        assertThat(parsed.resolve(CONTEXT))
                .hasValueSatisfying(url -> assertThat(url).doesNotContain("{{").containsAnyOf("123", "enc-9"));
    }

    @Test
    void theWholeUserIdCanBeAToken() {
        PrefetchTemplate user = PrefetchTemplate.parse("{{context.userId}}", Hooks.ORDER_SIGN);

        assertThat(user.resolve(CONTEXT)).contains("Practitioner/prac-1");
    }

    @Test
    void draftOrdersIsNotAPrefetchToken() {
        assertThatThrownBy(() -> PrefetchTemplate.parse("Bundle/{{context.draftOrders}}", Hooks.ORDER_SIGN))
                .isInstanceOf(InvalidPrefetchTemplateException.class)
                .hasMessageContaining("{{context.draftOrders}}")
                .hasMessageContaining("does not allow as a prefetch token");
    }

    @Test
    void nestedContextPathsAreNotTokens() {
        assertThatThrownBy(() ->
                        PrefetchTemplate.parse("Medication/{{context.medication.id}}", Hooks.MEDICATION_PRESCRIBE))
                .isInstanceOf(InvalidPrefetchTemplateException.class)
                .hasMessageContaining("{{context.medication.id}}")
                .hasMessageContaining("root-level");
    }

    @Test
    void fieldsTheHookDoesNotHaveAndUnknownTokensAreRejected() {
        assertThatThrownBy(() -> PrefetchTemplate.parse("X?s={{context.selections}}", Hooks.PATIENT_VIEW))
                .hasMessageContaining("names no context field of the patient-view hook");
        assertThatThrownBy(() -> PrefetchTemplate.parse("Patient/{{patientId}}", Hooks.PATIENT_VIEW))
                .hasMessageContaining("{{patientId}}")
                .hasMessageContaining("neither context.<field> nor");
        assertThatThrownBy(() -> PrefetchTemplate.parse("Patient/{{}}", Hooks.PATIENT_VIEW))
                .isInstanceOf(InvalidPrefetchTemplateException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Patient/{{context.patientId}               | never closed",
                "Patient/context.patientId}}               | has no matching '{{'",
                "Patient/{{context.{{patientId}}}}         | nested braces",
                "Patient/{{{context.patientId}}}           | nested braces"
            })
    void malformedBracesAreRejected(String template, String reason) {
        assertThatThrownBy(() -> PrefetchTemplate.parse(template, Hooks.PATIENT_VIEW))
                .isInstanceOf(InvalidPrefetchTemplateException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "Practitioner/p1, userPractitionerId, p1",
        "PractitionerRole/r1, userPractitionerRoleId, r1",
        "Patient/pat1, userPatientId, pat1",
        "RelatedPerson/rp1, userRelatedPersonId, rp1",
        "https://ehr.example.org/fhir/Practitioner/p2/_history/3, userPractitionerId, p2"
    })
    void userTokensComeFromUserId(String userId, String token, String expectedId) {
        PrefetchTemplate template = PrefetchTemplate.parse("X?_id={{" + token + "}}", Hooks.PATIENT_VIEW);
        HookContext context = HookContext.ofStrings(Map.of("userId", userId, "patientId", "1"));

        assertThat(template.tokens()).containsExactly(token);
        assertThat(template.resolve(context)).contains("X?_id=" + expectedId);
    }

    @Test
    void userTokenOfAnotherTypeThanTheUserCannotBeFilled() {
        PrefetchTemplate template =
                PrefetchTemplate.parse("PractitionerRole?_id={{userPractitionerRoleId}}", Hooks.PATIENT_VIEW);

        assertThat(template.resolve(CONTEXT)).isEmpty();
        assertThat(template.resolve(HookContext.ofStrings(Map.of("userId", "example"))))
                .isEmpty();
    }

    @Test
    void valuesAreEncodedSoTheyCannotAddSearchParameters() {
        PrefetchTemplate template =
                PrefetchTemplate.parse("Condition?patient={{context.patientId}}&status=active", Hooks.PATIENT_VIEW);
        HookContext context = HookContext.ofStrings(Map.of("userId", "Practitioner/1", "patientId", "a b&c=d#e+f,ü"));

        assertThat(template.resolve(context))
                .contains("Condition?patient=a%20b%26c%3Dd%23e%2Bf%2C%C3%BC&status=active");
    }

    @Test
    void missingOptionalFieldMakesTheTemplateUnresolvable() {
        PrefetchTemplate template = PrefetchTemplate.parse("Encounter/{{context.encounterId}}", Hooks.PATIENT_VIEW);
        HookContext withoutEncounter = HookContext.ofStrings(Map.of("userId", "Practitioner/1", "patientId", "1"));

        assertThat(template.resolve(withoutEncounter)).isEmpty();
    }

    @Test
    void aTemplateWithoutTokensResolvesToItself() {
        PrefetchTemplate template = PrefetchTemplate.parse("Medication?code=617993", Hooks.ORDER_SIGN);

        assertThat(template.tokens()).isEmpty();
        assertThat(template.resolve(HookContext.empty())).contains("Medication?code=617993");
    }
}
