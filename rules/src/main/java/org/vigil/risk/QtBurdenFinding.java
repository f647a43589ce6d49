package org.vigil.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.vigil.disease.PatientCondition;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.ClassMember;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.lab.Interpretation;
import org.vigil.knowledge.lab.LabLimits;
import org.vigil.lab.AbnormalResultsFinding;
import org.vigil.lab.LabResult;
import org.vigil.lab.ResultText;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * RSK-005: two or more distinct QT-prolonging ingredients among the patient's active medications.
 * The list is the {@value #QT_CLASS} class of {@code drug-classes.tsv}, where every member cites the
 * US label or FDA communication that says the drug prolongs the QT interval or causes torsades de
 * pointes; several of those labels advise against combining the drug with other QT-prolonging drugs.
 *
 * <p>Counted by ingredient, not by order: two orders of the same drug (ondansetron tablets and
 * ondansetron injection) are one QT-prolonging drug. Only active medications count; a chart opened
 * (patient-view) has no draft orders.
 *
 * <p>A warning, not interruptive and without a suggestion: nothing is being signed, and which drug
 * to stop is a clinical judgement. What else the chart already holds that raises the risk is
 * mentioned, never required: a QT-prolongation condition on the problem list, and a latest potassium
 * or magnesium below its reference interval (within RES-002's {@value #LOOKBACK_DAYS}-day lookback).
 *
 * @param drugs one line per distinct QT-prolonging ingredient, by ingredient name
 * @param conditions standing conditions of the {@value #QT_CONDITION} group
 * @param lowElectrolytes latest potassium or magnesium results below the reference interval
 */
public record QtBurdenFinding(
        MedicationRef order, List<QtDrug> drugs, List<PatientCondition> conditions, List<LowResult> lowElectrolytes)
        implements Finding {

    public static final String RULE_ID = "RSK-005";

    /** The class of drug-classes.tsv that lists the QT-prolonging ingredients. */
    public static final String QT_CLASS = "qt-prolonging";

    /** The condition group of condition-groups.tsv for long QT syndrome and a prolonged QT interval. */
    public static final String QT_CONDITION = "qt-prolongation";

    /** Distinct QT-prolonging ingredients that make a burden: the labels warn against any combination. */
    public static final int MIN_DRUGS = 2;

    static final int LOOKBACK_DAYS = 30;

    private static final List<String> ELECTROLYTES = List.of("potassium", "magnesium");

    /** One QT-prolonging ingredient, the order that carries it and the source of its membership. */
    public record QtDrug(MedicationRef medication, Ingredient ingredient, Citation source) {
        public QtDrug {
            Objects.requireNonNull(medication, "medication");
            Objects.requireNonNull(ingredient, "ingredient");
            Objects.requireNonNull(source, "source");
        }
    }

    /** A latest potassium or magnesium below its reference interval. */
    public record LowResult(LabResult result, LabLimits limits) {
        public LowResult {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(limits, "limits");
        }
    }

    public QtBurdenFinding {
        Objects.requireNonNull(order, "order");
        drugs = List.copyOf(drugs);
        conditions = List.copyOf(conditions);
        lowElectrolytes = List.copyOf(lowElectrolytes);
        if (drugs.size() < MIN_DRUGS) {
            throw new IllegalArgumentException("a QT burden needs at least " + MIN_DRUGS + " drugs");
        }
    }

    public static List<QtBurdenFinding> assess(
            KnowledgeSnapshot knowledge,
            Patient patient,
            List<ActiveMedication> actives,
            List<PatientCondition> conditions,
            List<LabResult> results) {
        if (knowledge == null || patient == null || actives == null) {
            return List.of();
        }
        Map<Integer, Citation> sources = new LinkedHashMap<>();
        for (ClassMember member : knowledge.drugs().classMembers()) {
            if (QT_CLASS.equals(member.classId())) {
                sources.putIfAbsent(member.member().rxcui(), member.citation());
            }
        }
        Map<Integer, QtDrug> distinct = new LinkedHashMap<>();
        for (ActiveMedication active : actives) {
            for (Ingredient ingredient : active.ingredients()) {
                Citation source = sources.get(ingredient.rxcui());
                if (source != null) {
                    distinct.putIfAbsent(ingredient.rxcui(), new QtDrug(active.ref(), ingredient, source));
                }
            }
        }
        if (distinct.size() < MIN_DRUGS) {
            return List.of();
        }
        List<PatientCondition> qtConditions = new ArrayList<>();
        if (conditions != null) {
            for (PatientCondition condition : conditions) {
                if (condition.stands() && condition.inGroup(QT_CONDITION)) {
                    qtConditions.add(condition);
                }
            }
        }
        List<QtDrug> drugs = new ArrayList<>(distinct.values());
        drugs.sort(Comparator.comparing((QtDrug drug) -> drug.ingredient().name()));
        return List.of(new QtBurdenFinding(
                RiskFlags.patientRef(patient), drugs, qtConditions, lowElectrolytes(knowledge, patient, results)));
    }

    private static List<LowResult> lowElectrolytes(
            KnowledgeSnapshot knowledge, Patient patient, List<LabResult> results) {
        List<LowResult> low = new ArrayList<>();
        if (results == null) {
            return low;
        }
        for (String analyte : ELECTROLYTES) {
            LabLimits limits =
                    knowledge.labs().limitsForSex(analyte, patient.sex()).orElse(null);
            if (limits == null) {
                continue;
            }
            LabResult latest = null;
            for (LabResult result : results) {
                if (result.analyte().equals(analyte)
                        && ResultText.within(result, patient.asOf(), AbnormalResultsFinding.LOOKBACK)
                        && (latest == null
                                || (result.effective() != null
                                        && latest.effective() != null
                                        && result.effective().isAfter(latest.effective())))) {
                    latest = result;
                }
            }
            if (latest != null) {
                Interpretation interpretation = limits.classify(latest.value());
                if (interpretation == Interpretation.LOW || interpretation == Interpretation.CRITICAL_LOW) {
                    low.add(new LowResult(latest, limits));
                }
            }
        }
        return low;
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "QT-prolonging drug burden";
    }

    @Override
    public String check() {
        return "risk";
    }

    @Override
    public Urgency urgency() {
        return Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return false;
    }

    /** The first drug's source; the detail names every drug's. */
    @Override
    public Citation citation() {
        return drugs.get(0).source();
    }

    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(drugs.size());
        for (QtDrug drug : drugs) {
            names.add(drug.ingredient().name());
        }
        return names;
    }

    @Override
    public String summary() {
        String lead = drugs.size() + " active QT-prolonging drugs: ";
        String tail = "; review the need and the ECG";
        String full = lead + String.join(", ", names()) + tail;
        if (full.length() < 140) {
            return full;
        }
        String shorter = lead + String.join(", ", names());
        return shorter.length() < 140 ? shorter : shorter.substring(0, 138) + "…";
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(drugs.size())
                .append(" active drugs that prolong the QT interval** (each by its US label or an FDA"
                        + " communication):\n");
        for (QtDrug drug : drugs) {
            detail.append("\n- **")
                    .append(drug.medication().display())
                    .append("** (")
                    .append(drug.ingredient().name())
                    .append("): ")
                    .append(drug.source().text());
        }
        if (!conditions.isEmpty()) {
            detail.append("\n\n**On the problem list:** ");
            for (int i = 0; i < conditions.size(); i++) {
                PatientCondition condition = conditions.get(i);
                detail.append(i == 0 ? "" : ", ")
                        .append(condition.display() == null ? "QT prolongation" : condition.display());
                if (condition.code() != null) {
                    detail.append(" (").append(condition.code()).append(')');
                }
            }
            detail.append(": a prolonged QT interval already present adds to the risk.");
        }
        for (LowResult low : lowElectrolytes) {
            LabResult result = low.result();
            detail.append("\n\n**Low ")
                    .append(result.analyte().toLowerCase(Locale.ROOT))
                    .append(":** ")
                    .append(ResultText.valueAndDate(result))
                    .append(", below the reference interval of ")
                    .append(ResultText.number(low.limits().referenceLow().orElse(Double.NaN)))
                    .append('-')
                    .append(ResultText.quantity(low.limits().referenceHigh().orElse(Double.NaN), result.unit()))
                    .append("; low potassium or magnesium makes torsades de pointes more likely.");
        }
        detail.append("\n\n**Advice:** the labels advise against combining these drugs with other"
                + " QT-prolonging drugs. Check that each is still needed and whether an alternative without a QT"
                + " effect would do; if they continue, check the QTc on an ECG and keep potassium and magnesium"
                + " in the normal range.");
        return detail.toString();
    }

    /** Nothing is being signed: no order to remove, and which drug to stop is a clinical decision. */
    @Override
    public List<Remedy> remedies() {
        return List.of();
    }
}
