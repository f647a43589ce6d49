package org.vigil.service.context;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.vigil.allergy.AllergyClinicalStatus;
import org.vigil.allergy.AllergyVerification;
import org.vigil.allergy.PatientAllergy;
import org.vigil.allergy.ReactionType;
import org.vigil.cdshooks.hook.Hooks;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.request.Prefetch;
import org.vigil.knowledge.Component;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.RecognitionMethod;
import org.vigil.knowledge.RecognizedMedication;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;
import org.vigil.service.hooks.ServiceCatalog;

/**
 * Turns the FHIR resources of a hook call into the normalized facts the rules reason over: draft
 * orders, active medications and allergies, each medication resolved to its ingredients.
 */
public final class PatientContextAssembler {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String SNOMED = "http://snomed.info/sct";

    private final Clock clock;
    private final ResultNormalizer results = new ResultNormalizer();

    public PatientContextAssembler(Clock clock) {
        this.clock = clock;
    }

    public PatientContext assemble(CdsRequest request, KnowledgeSnapshot knowledge) {
        DrugVocabulary drugs = knowledge.drugs();
        List<DraftOrder> drafts = draftOrders(request, drugs);
        Set<String> draftReferences = new HashSet<>();
        for (DraftOrder draft : drafts) {
            draftReferences.add(draft.reference());
        }
        Prefetch prefetch = request.prefetch();
        ResultNormalizer.Results observed = results.normalize(
                knowledge.labs(), bundle(prefetch, ServiceCatalog.LABS), bundle(prefetch, ServiceCatalog.VITALS));
        return new PatientContext(
                patient(prefetch, request),
                drafts,
                activeMedications(prefetch, draftReferences, drugs),
                allergies(prefetch, knowledge),
                ConditionNormalizer.conditions(bundle(prefetch, ServiceCatalog.CONDITIONS), knowledge.conditions()),
                observed.latest(),
                observed.uncomparable(),
                observed.other());
    }

    private Patient patient(Prefetch prefetch, CdsRequest request) {
        LocalDate today = LocalDate.now(clock);
        IBaseResource resource = prefetch.resource(ServiceCatalog.PATIENT).orElse(null);
        if (!(resource instanceof org.hl7.fhir.r4.model.Patient patient)) {
            return new Patient(
                    request.context()
                            .string("patientId")
                            .map(id -> "Patient/" + id)
                            .orElse(null),
                    null,
                    null,
                    today);
        }
        LocalDate birthDate =
                patient.hasBirthDateElement() && patient.getBirthDateElement().getValue() != null
                        ? LocalDate.of(
                                patient.getBirthDateElement().getYear(),
                                patient.getBirthDateElement().getMonth() + 1,
                                patient.getBirthDateElement().getDay())
                        : null;
        return new Patient(
                referenceOf(patient, "Patient/unknown"),
                birthDate,
                patient.hasGender() ? patient.getGender().toCode() : null,
                today);
    }

    /**
     * The orders being signed or selected as the client sent them: {@code context.draftOrders}, or
     * {@code context.medications} for the legacy medication-prescribe hook; null when there are none.
     */
    public static Bundle draftBundle(CdsRequest request) {
        String field = Hooks.MEDICATION_PRESCRIBE.name().equals(request.hook()) ? "medications" : "draftOrders";
        return request.context()
                .resource(field)
                .filter(Bundle.class::isInstance)
                .map(Bundle.class::cast)
                .orElse(null);
    }

    private static List<DraftOrder> draftOrders(CdsRequest request, DrugVocabulary drugs) {
        String hook = request.hook();
        Bundle bundle = draftBundle(request);
        if (bundle == null) {
            return List.of();
        }
        // order-select checks only what was selected; the other drafts still count as context.
        boolean onlySelections = Hooks.ORDER_SELECT.name().equals(hook);
        Set<String> selections =
                onlySelections ? new HashSet<>(request.context().strings("selections")) : Set.of();
        List<DraftOrder> drafts = new ArrayList<>();
        int sequence = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof MedicationRequest order) {
                String reference = referenceOf(order, "MedicationRequest/draft-" + sequence);
                boolean checked = !onlySelections || selections.contains(reference);
                String prior = order.getPriorPrescription().getReference();
                drafts.add(new DraftOrder(
                        reference,
                        displayOf(order, bundle),
                        recognize(order, bundle, drugs),
                        sequence++,
                        checked,
                        prior == null || prior.isBlank() ? null : prior,
                        DosageReader.read(order)));
            }
        }
        return drafts;
    }

    private static List<ActiveMedication> activeMedications(
            Prefetch prefetch, Set<String> draftReferences, DrugVocabulary drugs) {
        Bundle bundle = bundle(prefetch, ServiceCatalog.MEDICATIONS);
        if (bundle == null) {
            return List.of();
        }
        List<ActiveMedication> active = new ArrayList<>();
        int index = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof MedicationRequest order
                    && order.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE) {
                String reference = referenceOf(order, "MedicationRequest/active-" + index++);
                // A client may list the order being signed among the active ones; it is not a second drug.
                if (!draftReferences.contains(reference)) {
                    active.add(new ActiveMedication(
                            reference,
                            displayOf(order, bundle),
                            recognize(order, bundle, drugs),
                            DosageReader.read(order)));
                }
            }
        }
        return active;
    }

    private static List<PatientAllergy> allergies(Prefetch prefetch, KnowledgeSnapshot knowledge) {
        Bundle bundle = bundle(prefetch, ServiceCatalog.ALLERGIES);
        if (bundle == null) {
            return List.of();
        }
        List<PatientAllergy> allergies = new ArrayList<>();
        int index = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof AllergyIntolerance allergy) {
                String reference = referenceOf(allergy, "AllergyIntolerance/entry-" + index++);
                CodeableConcept code = allergy.getCode();
                allergies.add(new PatientAllergy(
                        reference,
                        textOf(code),
                        recognizeAllergen(code, knowledge),
                        typeOf(allergy),
                        clinicalStatusOf(allergy),
                        verificationOf(allergy),
                        allergy.getCriticality() != null
                                ? allergy.getCriticality().toCode()
                                : null,
                        reactionsOf(allergy)));
            }
        }
        return allergies;
    }

    private static Bundle bundle(Prefetch prefetch, String key) {
        return prefetch.resource(key)
                .filter(Bundle.class::isInstance)
                .map(Bundle.class::cast)
                .orElse(null);
    }

    /**
     * The relative reference {@code Type/id}. HAPI usually holds exactly that string already (ids
     * parsed from JSON carry their resource type), so it is reused rather than built per resource.
     */
    static String referenceOf(Resource resource, String fallback) {
        org.hl7.fhir.r4.model.IdType id = resource.getIdElement();
        if (!id.hasIdPart()) {
            return fallback;
        }
        if (id.getBaseUrl() == null
                && id.getVersionIdPart() == null
                && resource.fhirType().equals(id.getResourceType())) {
            return id.getValue();
        }
        return resource.fhirType() + "/" + id.getIdPart();
    }

    private static RecognizedMedication recognize(MedicationRequest order, Bundle bundle, DrugVocabulary drugs) {
        CodeableConcept code = medicationCode(order, bundle);
        return code == null ? RecognizedMedication.unrecognized() : recognize(code, drugs);
    }

    static RecognizedMedication recognize(CodeableConcept code, DrugVocabulary drugs) {
        if (code == null || (code.getCoding().isEmpty() && code.getText() == null)) {
            return RecognizedMedication.unrecognized();
        }
        for (Coding coding : code.getCoding()) {
            if (RXNORM.equals(coding.getSystem())) {
                RecognizedMedication byCode = drugs.recognize(coding.getCode(), coding.getDisplay(), code.getText());
                if (byCode.recognized()) {
                    return byCode;
                }
            }
        }
        for (Coding coding : code.getCoding()) {
            RecognizedMedication byName = drugs.recognize(null, coding.getDisplay(), code.getText());
            if (byName.recognized()) {
                return byName;
            }
        }
        return drugs.recognize(null, null, code.getText());
    }

    /**
     * An allergy's substance: a SNOMED CT allergen the allergen table knows (a class such as
     * "penicillin" stands for all its members), otherwise as a medication (RxNorm code or text).
     */
    static RecognizedMedication recognizeAllergen(CodeableConcept code, KnowledgeSnapshot knowledge) {
        if (code != null) {
            for (Coding coding : code.getCoding()) {
                if (SNOMED.equals(coding.getSystem()) && coding.getCode() != null) {
                    Set<Integer> rxcuis = knowledge.allergies().allergen(coding.getSystem(), coding.getCode());
                    if (!rxcuis.isEmpty()) {
                        List<Component> components = new ArrayList<>(rxcuis.size());
                        for (int rxcui : rxcuis) {
                            knowledge
                                    .drugs()
                                    .ingredient(rxcui)
                                    .ifPresent(ingredient -> components.add(Component.of(ingredient)));
                        }
                        return new RecognizedMedication(components, null, RecognitionMethod.SUBSTANCE_CODE);
                    }
                }
            }
        }
        return recognize(code, knowledge.drugs());
    }

    /** medicationCodeableConcept, or the Medication referenced (contained or in the same bundle). */
    private static CodeableConcept medicationCode(MedicationRequest order, Bundle bundle) {
        // Fields read directly: HAPI's hasX() walks the element tree on every call.
        org.hl7.fhir.r4.model.Type ordered = order.getMedication();
        if (ordered instanceof CodeableConcept concept) {
            return concept;
        }
        if (!(ordered instanceof Reference reference)) {
            return null;
        }
        IBaseResource target = reference.getResource();
        if (target == null && reference.hasReference()) {
            String ref = reference.getReference();
            for (Resource contained : order.getContained()) {
                if (ref.equals("#" + contained.getIdElement().getIdPart()) || ref.equals(contained.getId())) {
                    target = contained;
                }
            }
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource candidate = entry.getResource();
                if (candidate instanceof Medication
                        && (ref.equals(entry.getFullUrl())
                                || ref.equals(
                                        "Medication/" + candidate.getIdElement().getIdPart()))) {
                    target = candidate;
                }
            }
        }
        return target instanceof Medication medication && medication.hasCode() ? medication.getCode() : null;
    }

    private static String displayOf(MedicationRequest order, Bundle bundle) {
        return textOf(medicationCode(order, bundle));
    }

    static String textOf(CodeableConcept code) {
        if (code == null) {
            return null;
        }
        if (code.getText() != null) {
            return code.getText();
        }
        for (Coding coding : code.getCoding()) {
            if (coding.getDisplay() != null) {
                return coding.getDisplay();
            }
        }
        return null;
    }

    private static ReactionType typeOf(AllergyIntolerance allergy) {
        if (allergy.getType() == null) {
            return ReactionType.UNSTATED;
        }
        return allergy.getType() == AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE
                ? ReactionType.INTOLERANCE
                : ReactionType.ALLERGY;
    }

    private static AllergyClinicalStatus clinicalStatusOf(AllergyIntolerance allergy) {
        String code = codeOf(allergy.getClinicalStatus());
        return switch (code == null ? "" : code) {
            case "active" -> AllergyClinicalStatus.ACTIVE;
            case "inactive" -> AllergyClinicalStatus.INACTIVE;
            case "resolved" -> AllergyClinicalStatus.RESOLVED;
            default -> AllergyClinicalStatus.UNSTATED;
        };
    }

    private static AllergyVerification verificationOf(AllergyIntolerance allergy) {
        String code = codeOf(allergy.getVerificationStatus());
        return switch (code == null ? "" : code) {
            case "unconfirmed" -> AllergyVerification.UNCONFIRMED;
            case "presumed" -> AllergyVerification.PRESUMED;
            case "confirmed" -> AllergyVerification.CONFIRMED;
            case "refuted" -> AllergyVerification.REFUTED;
            case "entered-in-error" -> AllergyVerification.ENTERED_IN_ERROR;
            default -> AllergyVerification.UNSTATED;
        };
    }

    static String codeOf(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (coding.getCode() != null) {
                return coding.getCode();
            }
        }
        return null;
    }

    private static List<String> reactionsOf(AllergyIntolerance allergy) {
        List<String> reactions = new ArrayList<>();
        for (AllergyIntolerance.AllergyIntoleranceReactionComponent reaction : allergy.getReaction()) {
            for (CodeableConcept manifestation : reaction.getManifestation()) {
                String text = textOf(manifestation);
                if (text != null && !reactions.contains(text)) {
                    reactions.add(text);
                }
            }
        }
        return reactions;
    }
}
