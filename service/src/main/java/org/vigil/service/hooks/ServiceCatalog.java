package org.vigil.service.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.cdshooks.discovery.Discovery;
import org.vigil.cdshooks.hook.HookDefinition;
import org.vigil.cdshooks.hook.Hooks;
import org.vigil.cdshooks.prefetch.PrefetchTemplate;
import org.vigil.service.packs.PackService;
import org.vigil.service.packs.RulePacks;

/**
 * The CDS services Vigil answers. Prefetch templates are parsed against their hook when the
 * catalog is built, so a template using a token its hook does not allow stops the service from
 * starting rather than failing on a clinician's call.
 */
public final class ServiceCatalog {

    public static final String PATIENT = "patient";
    public static final String MEDICATIONS = "medications";
    public static final String ALLERGIES = "allergies";
    public static final String CONDITIONS = "conditions";
    public static final String LABS = "labs";
    public static final String VITALS = "vitals";

    private static final List<String> KEY_ORDER = List.of(PATIENT, MEDICATIONS, ALLERGIES, CONDITIONS, LABS, VITALS);

    /**
     * What the medication checks need before they can say anything: the patient (age, sex), the
     * active list and allergies. Conditions and results are fetched when they can be; without them
     * only the drug-disease and drug-lab checks stay silent.
     */
    private static final List<String> MEDICATION_CHECK_INPUTS = List.of(PATIENT, MEDICATIONS, ALLERGIES);

    /** The chart alerts are about results: without them "no card" would look like "all is well". */
    private static final List<String> CHART_CHECK_INPUTS = List.of(PATIENT, LABS, VITALS);

    private final Map<String, VigilCdsService> services = new LinkedHashMap<>();
    private final RulePacks packs;

    private static final java.util.Set<String> OWN_IDS = java.util.Set.copyOf(new ServiceCatalog().services.keySet());

    /** Whether the id is one of Vigil's own services (not a rule pack's). */
    public static boolean isOwn(String id) {
        return OWN_IDS.contains(id);
    }

    /**
     * Vigil's own services, then the services of the rule packs served at the moment of asking
     * (packs can be replaced while Vigil runs), with their prefetch keys in their own order.
     */
    public ServiceCatalog(RulePacks packs) {
        this.packs = packs;
        addOwn();
    }

    /** Vigil's own services only. */
    public ServiceCatalog() {
        this(RulePacks.none());
    }

    private void addOwn() {
        add(new VigilCdsService(
                "order-sign-medication-safety",
                Hooks.ORDER_SIGN,
                "Medication safety at order signing",
                "Checks every draft medication order being signed against the patient's active medications,"
                        + " the other draft orders, allergies, conditions, age and recent results: drug-drug"
                        + " interactions, drug-allergy conflicts and cross-sensitivity, therapeutic duplication,"
                        + " drug-disease, age, renal and drug-lab problems, with the cited source on every card.",
                templates(Hooks.ORDER_SIGN),
                MEDICATION_CHECK_INPUTS,
                null));
        add(new VigilCdsService(
                "order-select-medication-safety",
                Hooks.ORDER_SELECT,
                "Medication safety at order selection",
                "Checks the medication orders just selected (context.selections) against active medications,"
                        + " the other draft orders and recorded allergies.",
                templates(Hooks.ORDER_SELECT),
                MEDICATION_CHECK_INPUTS,
                null));
        add(new VigilCdsService(
                "patient-view-alerts",
                Hooks.PATIENT_VIEW,
                "Chart alerts when a patient is opened",
                "Flags what needs attention when a clinician opens a chart: critical (panic) laboratory values,"
                        + " one summary of results outside their reference range, and high-risk flags from the"
                        + " latest vital signs and active medications, each with the values used and the source.",
                templates(Hooks.PATIENT_VIEW),
                CHART_CHECK_INPUTS,
                null));
        add(new VigilCdsService(
                "medication-prescribe-medication-safety",
                Hooks.MEDICATION_PRESCRIBE,
                "Medication safety at prescribing (legacy hook)",
                "The order-sign checks for CDS clients still calling the deprecated medication-prescribe hook:"
                        + " context.medications is checked as the draft orders.",
                templates(Hooks.MEDICATION_PRESCRIBE),
                MEDICATION_CHECK_INPUTS,
                "medication-prescribe is deprecated in CDS Hooks; prefer order-sign-medication-safety."));
    }

    private void add(VigilCdsService service) {
        services.put(service.id(), service);
    }

    private static Map<String, PrefetchTemplate> templates(HookDefinition hook) {
        Map<String, PrefetchTemplate> templates = new LinkedHashMap<>();
        templates.put(PATIENT, PrefetchTemplate.parse("Patient/{{context.patientId}}", hook));
        templates.put(
                MEDICATIONS,
                PrefetchTemplate.parse("MedicationRequest?patient={{context.patientId}}&status=active", hook));
        templates.put(
                ALLERGIES,
                PrefetchTemplate.parse(
                        "AllergyIntolerance?patient={{context.patientId}}&clinical-status=active", hook));
        templates.put(
                CONDITIONS,
                PrefetchTemplate.parse("Condition?patient={{context.patientId}}&clinical-status=active", hook));
        templates.put(
                LABS,
                PrefetchTemplate.parse(
                        "Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=200", hook));
        templates.put(
                VITALS,
                PrefetchTemplate.parse(
                        "Observation?patient={{context.patientId}}&category=vital-signs&_sort=-date&_count=100", hook));
        return templates;
    }

    public Optional<VigilCdsService> find(String id) {
        VigilCdsService own = services.get(id);
        return own != null ? Optional.of(own) : packs.find(id).map(PackService::service);
    }

    public List<VigilCdsService> all() {
        List<VigilCdsService> all = new ArrayList<>(services.values());
        packs.services().forEach(pack -> all.add(pack.service()));
        return all;
    }

    public Discovery discovery() {
        List<org.vigil.cdshooks.discovery.CdsService> listed = new ArrayList<>();
        services.values().forEach(service -> listed.add(service.discovery(KEY_ORDER)));
        packs.services().forEach(pack -> listed.add(pack.service().discovery(pack.prefetchKeys())));
        return new Discovery(listed);
    }
}
