package org.vigil.cdshooks.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.feedback.OverrideReason;

/** What may end up in a log line: never tokens, patient identifiers or resource content. */
class PrivacyTest {

    private static final String TOKEN = "eyJhbGciOiJSUzM4NCJ9.secret-access-token";

    @Test
    void fhirAuthorizationToStringRedactsTheToken() {
        FhirAuthorization authorization =
                new FhirAuthorization(TOKEN, "Bearer", 300L, "user/Patient.read", "cds-service4", "p-1");

        assertThat(authorization.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("secret")
                .contains("<redacted>")
                .contains("user/Patient.read");
        assertThat(authorization.accessToken()).isEqualTo(TOKEN);
    }

    @Test
    void requestToStringShowsNoTokenNoContextValuesAndNoResources() {
        Patient patient = new Patient();
        patient.addName().setFamily("Quintanilla");
        CdsRequest request = new CdsRequest(
                "patient-view",
                "i-1",
                "https://ehr.example.org/fhir",
                new FhirAuthorization(TOKEN, "Bearer", 300L, "user/Patient.read", "cds-service4", null),
                HookContext.builder()
                        .string("userId", "Practitioner/1")
                        .string("patientId", "mrn-998877")
                        .build(),
                Prefetch.of(Map.of("patient", patient)),
                null);

        assertThat(request.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("mrn-998877")
                .doesNotContain("Quintanilla")
                .contains("patientId:STRING")
                .contains("patient=RESOURCE");
    }

    @Test
    void overrideCommentIsRedacted() {
        assertThat(new OverrideReason(null, "Mrs Quintanilla refused").toString())
                .doesNotContain("Quintanilla");
    }

    @Test
    void bearerIsTheOnlyTokenType() {
        assertThatThrownBy(() -> new FhirAuthorization(TOKEN, "MAC", 300L, "s", "c", null))
                .hasMessage("token_type: must be Bearer")
                .hasMessageNotContaining(TOKEN);
        assertThat(new FhirAuthorization(TOKEN, "bearer", 300L, "s", "c", null).tokenType())
                .isEqualTo("bearer");
    }

    @Test
    void prefetchDistinguishesAbsentNullAndResource() {
        Prefetch prefetch =
                Prefetch.of(Collections.singletonMap("allergies", null)).with("patient", new Patient());

        assertThat(prefetch.state("allergies")).isEqualTo(Prefetch.State.NULL);
        assertThat(prefetch.state("patient")).isEqualTo(Prefetch.State.RESOURCE);
        assertThat(prefetch.state("conditions")).isEqualTo(Prefetch.State.ABSENT);
        assertThat(prefetch.keys()).containsExactly("allergies", "patient");
        assertThat(Prefetch.empty().keys()).isEmpty();
        assertThat(Prefetch.empty().state("patient")).isEqualTo(Prefetch.State.ABSENT);
    }
}
