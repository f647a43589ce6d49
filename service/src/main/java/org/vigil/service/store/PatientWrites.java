package org.vigil.service.store;

import reactor.core.publisher.Mono;

/**
 * Told about every write (create, update, delete) that touches a patient's record, so whatever
 * holds copies of that patient's data can let them go. Called with the patient's id only.
 */
@FunctionalInterface
public interface PatientWrites {

    PatientWrites NONE = patientId -> Mono.empty();

    /** A resource about this patient (or the Patient itself) was written; must not fail the write. */
    Mono<Void> written(String patientId);
}
