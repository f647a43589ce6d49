package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped interaction rows, checked the way a pharmacist would check them. */
class InteractionContentTest {

    private static final int SERTRALINE = 36437;
    private static final int DULOXETINE = 72625;
    private static final int CITALOPRAM = 2556;
    private static final int METHYLENE_BLUE = 6878;
    private static final int AMITRIPTYLINE = 704;
    private static final int TRAMADOL = 10689;
    private static final int METHADONE = 6813;
    private static final int ONDANSETRON = 26225;
    private static final int LEVOFLOXACIN = 82122;
    private static final int MEPERIDINE = 6754;
    private static final int TAPENTADOL = 787390;
    private static final int MORPHINE = 7052;
    private static final int ATAZANAVIR = 343047;
    private static final int OMEPRAZOLE = 7646;
    private static final int DEXLANSOPRAZOLE = 816346;
    private static final int IRINOTECAN = 51499;
    private static final int KETOCONAZOLE = 6135;
    private static final int RITONAVIR = 85762;
    private static final int CARBAMAZEPINE = 2002;
    private static final int SILDENAFIL = 136411;
    private static final int ISOSORBIDE_DINITRATE = 6058;
    private static final int OXYCODONE = 7804;
    private static final int DIAZEPAM = 3322;
    private static final int MIDAZOLAM = 6960;
    private static final int HYDROCODONE = 5489;
    private static final int METHOTREXATE = 6851;
    private static final int SULFAMETHOXAZOLE = 10180;
    private static final int ALLOPURINOL = 519;
    private static final int AZATHIOPRINE = 1256;
    private static final int MERCAPTOPURINE = 103;
    private static final int WARFARIN = 11289;
    private static final int IBUPROFEN = 5640;
    private static final int MELOXICAM = 41493;
    private static final int ACETAMINOPHEN = 161;
    private static final int DIGOXIN = 3407;
    private static final int CYCLOSPORINE = 3008;
    private static final int LISINOPRIL = 29046;
    private static final int LOSARTAN = 52175;
    private static final int HYDROCHLOROTHIAZIDE = 5487;
    private static final int ASPIRIN = 1191;
    private static final int CLOPIDOGREL = 32968;
    private static final int METOPROLOL = 6918;
    private static final int FLUOXETINE = 4493;
    private static final int ATORVASTATIN = 83367;
    private static final int PRAVASTATIN = 42463;
    private static final int VORICONAZOLE = 121243;
    private static final int DEXTROAMPHETAMINE = 3288;
    private static final int METHYLPHENIDATE = 6901;
    private static final int PSEUDOEPHEDRINE = 8896;
    private static final int PHENELZINE = 8123;
    private static final int TRANYLCYPROMINE = 10734;
    private static final int LINEZOLID = 190376;
    private static final int PROCARBAZINE = 8702;
    private static final int ERGOTAMINE = 4025;
    private static final int CLARITHROMYCIN = 21212;
    private static final int AZITHROMYCIN = 18631;
    private static final int TIZANIDINE = 57258;
    private static final int CIPROFLOXACIN = 2551;
    private static final int FLUVOXAMINE = 42355;
    private static final int AMIODARONE = 703;
    private static final int TICLOPIDINE = 10594;
    private static final int DIHYDROERGOTAMINE = 3418;
    private static final int SUMATRIPTAN = 37418;
    private static final int RIZATRIPTAN = 88014;
    private static final int BUPROPION = 42347;
    private static final int LEVOTHYROXINE = 10582;
    private static final int CALCIUM_CARBONATE = 1897;
    private static final int SIMVASTATIN = 36567;
    private static final int NAPROXEN = 7258;
    private static final int TACROLIMUS = 42316;
    private static final int PREDNISONE = 8640;
    private static final int PREDNISOLONE = 8638;
    private static final int FOLIC_ACID = 4511;
    private static final int GLIPIZIDE = 4821;
    private static final int ATENOLOL = 1202;
    private static final int LEVONORGESTREL = 6373;
    private static final int AMLODIPINE = 17767;

    private final InteractionTable interactions = KnowledgeSnapshot.bundled().interactions();

    private List<String> ids(int a, int b) {
        return interactions.between(a, b).stream().map(Interaction::id).toList();
    }

    static Stream<Arguments> interruptivePairs() {
        return Stream.of(
                Arguments.of(
                        "sertraline + methylene blue", SERTRALINE, METHYLENE_BLUE, "DDI-004", Severity.CONTRAINDICATED),
                Arguments.of(
                        "duloxetine + methylene blue", DULOXETINE, METHYLENE_BLUE, "DDI-004", Severity.CONTRAINDICATED),
                Arguments.of(
                        "amitriptyline + methylene blue",
                        AMITRIPTYLINE,
                        METHYLENE_BLUE,
                        "DDI-007",
                        Severity.CONTRAINDICATED),
                Arguments.of("tramadol + methylene blue", TRAMADOL, METHYLENE_BLUE, "DDI-006", Severity.MAJOR),
                Arguments.of("citalopram + ondansetron", CITALOPRAM, ONDANSETRON, "DDI-008", Severity.MAJOR),
                Arguments.of("methadone + levofloxacin", METHADONE, LEVOFLOXACIN, "DDI-008", Severity.MAJOR),
                Arguments.of("meperidine + methylene blue", MEPERIDINE, METHYLENE_BLUE, "DDI-006", Severity.MAJOR),
                Arguments.of("tapentadol + methylene blue", TAPENTADOL, METHYLENE_BLUE, "DDI-006", Severity.MAJOR),
                Arguments.of("atazanavir + omeprazole", ATAZANAVIR, OMEPRAZOLE, "DDI-002", Severity.MAJOR),
                Arguments.of("atazanavir + dexlansoprazole", ATAZANAVIR, DEXLANSOPRAZOLE, "DDI-002", Severity.MAJOR),
                Arguments.of("irinotecan + ketoconazole", IRINOTECAN, KETOCONAZOLE, "DDI-005", Severity.MAJOR),
                Arguments.of("ritonavir + carbamazepine", RITONAVIR, CARBAMAZEPINE, "DDI-010", Severity.MAJOR),
                Arguments.of(
                        "sildenafil + isosorbide dinitrate",
                        SILDENAFIL,
                        ISOSORBIDE_DINITRATE,
                        "DDI-201",
                        Severity.CONTRAINDICATED),
                Arguments.of("oxycodone + diazepam", OXYCODONE, DIAZEPAM, "DDI-202", Severity.MAJOR),
                Arguments.of("hydrocodone + midazolam", HYDROCODONE, MIDAZOLAM, "DDI-202", Severity.MAJOR),
                Arguments.of(
                        "methotrexate + sulfamethoxazole", METHOTREXATE, SULFAMETHOXAZOLE, "DDI-203", Severity.MAJOR),
                Arguments.of("allopurinol + azathioprine", ALLOPURINOL, AZATHIOPRINE, "DDI-204", Severity.MAJOR),
                Arguments.of("allopurinol + mercaptopurine", ALLOPURINOL, MERCAPTOPURINE, "DDI-204", Severity.MAJOR),
                Arguments.of("digoxin + cyclosporine", DIGOXIN, CYCLOSPORINE, "DDI-206", Severity.MAJOR),
                Arguments.of(
                        "dextroamphetamine + phenelzine",
                        DEXTROAMPHETAMINE,
                        PHENELZINE,
                        "DDI-001",
                        Severity.CONTRAINDICATED),
                Arguments.of(
                        "methylphenidate + linezolid", METHYLPHENIDATE, LINEZOLID, "DDI-001", Severity.CONTRAINDICATED),
                Arguments.of(
                        "pseudoephedrine + tranylcypromine",
                        PSEUDOEPHEDRINE,
                        TRANYLCYPROMINE,
                        "DDI-001",
                        Severity.CONTRAINDICATED),
                Arguments.of(
                        "ergotamine + clarithromycin", ERGOTAMINE, CLARITHROMYCIN, "DDI-012", Severity.CONTRAINDICATED),
                Arguments.of(
                        "tizanidine + ciprofloxacin", TIZANIDINE, CIPROFLOXACIN, "DDI-013", Severity.CONTRAINDICATED),
                Arguments.of("tizanidine + fluvoxamine", TIZANIDINE, FLUVOXAMINE, "DDI-013", Severity.CONTRAINDICATED),
                Arguments.of("tizanidine + amiodarone", TIZANIDINE, AMIODARONE, "DDI-013", Severity.CONTRAINDICATED),
                Arguments.of("tizanidine + ticlopidine", TIZANIDINE, TICLOPIDINE, "DDI-013", Severity.CONTRAINDICATED),
                Arguments.of(
                        "dihydroergotamine + ritonavir",
                        DIHYDROERGOTAMINE,
                        RITONAVIR,
                        "DDI-012",
                        Severity.CONTRAINDICATED),
                Arguments.of(
                        "tranylcypromine + procarbazine",
                        TRANYLCYPROMINE,
                        PROCARBAZINE,
                        "DDI-014",
                        Severity.CONTRAINDICATED),
                Arguments.of("sumatriptan + phenelzine", SUMATRIPTAN, PHENELZINE, "DDI-015", Severity.CONTRAINDICATED),
                Arguments.of(
                        "rizatriptan + methylene blue",
                        RIZATRIPTAN,
                        METHYLENE_BLUE,
                        "DDI-015",
                        Severity.CONTRAINDICATED),
                Arguments.of("sumatriptan + linezolid", SUMATRIPTAN, LINEZOLID, "DDI-015", Severity.CONTRAINDICATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interruptivePairs")
    void highRiskPairsInterruptInEitherOrder(String what, int a, int b, String id, Severity severity) {
        assertThat(ids(a, b)).as(what).containsExactly(id);
        assertThat(ids(b, a)).as(what + ", reversed").containsExactly(id);
        Interaction row = interactions.byId(id).orElseThrow();
        assertThat(row.interruptive()).as(what).isTrue();
        assertThat(row.severity()).as(what).isEqualTo(severity);
    }

    static Stream<Arguments> nonInterruptivePairs() {
        return Stream.of(
                Arguments.of("lisinopril + aspirin", LISINOPRIL, ASPIRIN, "DDI-101"),
                Arguments.of("hydrochlorothiazide + lisinopril", HYDROCHLOROTHIAZIDE, LISINOPRIL, "DDI-102"),
                Arguments.of("metoprolol + fluoxetine", METOPROLOL, FLUOXETINE, "DDI-103"),
                Arguments.of("warfarin + atorvastatin", WARFARIN, ATORVASTATIN, "DDI-104"),
                Arguments.of("warfarin + acetaminophen", WARFARIN, ACETAMINOPHEN, "DDI-105"),
                Arguments.of("warfarin + omeprazole", WARFARIN, OMEPRAZOLE, "DDI-106"),
                Arguments.of("clopidogrel + aspirin", CLOPIDOGREL, ASPIRIN, "DDI-107"),
                Arguments.of("lisinopril + ibuprofen", LISINOPRIL, IBUPROFEN, "DDI-108"),
                Arguments.of("lisinopril + losartan", LISINOPRIL, LOSARTAN, "DDI-109"),
                Arguments.of("warfarin + meloxicam", WARFARIN, MELOXICAM, "DDI-205"),
                Arguments.of("levothyroxine + calcium carbonate", LEVOTHYROXINE, CALCIUM_CARBONATE, "DDI-110"),
                Arguments.of("levothyroxine + simvastatin", LEVOTHYROXINE, SIMVASTATIN, "DDI-111"),
                Arguments.of("hydrochlorothiazide + naproxen", HYDROCHLOROTHIAZIDE, NAPROXEN, "DDI-112"),
                Arguments.of("metoprolol + levothyroxine", METOPROLOL, LEVOTHYROXINE, "DDI-113"),
                Arguments.of("tacrolimus + prednisone", TACROLIMUS, PREDNISONE, "DDI-114"),
                Arguments.of("calcium carbonate + prednisone", CALCIUM_CARBONATE, PREDNISONE, "DDI-115"),
                Arguments.of("folic acid + methotrexate", FOLIC_ACID, METHOTREXATE, "DDI-116"),
                Arguments.of("glipizide + lisinopril", GLIPIZIDE, LISINOPRIL, "DDI-117"),
                Arguments.of("warfarin + prednisone", WARFARIN, PREDNISONE, "DDI-118"),
                Arguments.of("omeprazole + ketoconazole", OMEPRAZOLE, KETOCONAZOLE, "DDI-119"),
                Arguments.of("atenolol + calcium carbonate", ATENOLOL, CALCIUM_CARBONATE, "DDI-120"),
                Arguments.of("omeprazole + diazepam", OMEPRAZOLE, DIAZEPAM, "DDI-121"),
                Arguments.of("ibuprofen + metoprolol", IBUPROFEN, METOPROLOL, "DDI-122"),
                Arguments.of("levonorgestrel + prednisolone", LEVONORGESTREL, PREDNISOLONE, "DDI-123"),
                Arguments.of("metoprolol + amlodipine", METOPROLOL, AMLODIPINE, "DDI-124"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonInterruptivePairs")
    void lowerRiskPairsAreShownWithoutInterrupting(String what, int a, int b, String id) {
        assertThat(ids(a, b)).as(what).containsExactly(id);
        assertThat(interactions.byId(id).orElseThrow().interruptive()).as(what).isFalse();
    }

    @Test
    void theOncNonInterruptiveListNeverInterruptsNorRanksAboveModerate() {
        List<Interaction> onc2013 = interactions.rows().stream()
                .filter(row -> row.id().startsWith("DDI-1"))
                .toList();

        assertThat(onc2013)
                .extracting(Interaction::id)
                .as("the 2013 pairs whose members are sourced (24 of the 33)")
                .contains(
                        "DDI-101", "DDI-102", "DDI-103", "DDI-104", "DDI-105", "DDI-106", "DDI-107", "DDI-108",
                        "DDI-109", "DDI-110", "DDI-111", "DDI-112", "DDI-113", "DDI-114", "DDI-115", "DDI-116",
                        "DDI-117", "DDI-118", "DDI-119", "DDI-120", "DDI-121", "DDI-122", "DDI-123", "DDI-124");
        assertThat(onc2013).allSatisfy(row -> {
            assertThat(row.interruptive()).as(row.id()).isFalse();
            assertThat(row.severity()).as(row.id()).isIn(Severity.MODERATE, Severity.MINOR);
            assertThat(row.citation().text()).as(row.id()).contains("PMID 23011124");
        });
    }

    @Test
    void theOncHighPriorityRowsInterruptAndCiteThePaper() {
        List<Interaction> onc2012 = interactions.rows().stream()
                .filter(row -> row.id().matches("DDI-0\\d\\d"))
                .toList();

        assertThat(onc2012)
                .extracting(Interaction::id)
                .as("every 2012 pair whose members are sourced; 3 (febuxostat) and 9 (ramelteon) are known gaps")
                .contains(
                        "DDI-001", "DDI-002", "DDI-004", "DDI-005", "DDI-006", "DDI-007", "DDI-008", "DDI-010",
                        "DDI-011", "DDI-012", "DDI-013", "DDI-014", "DDI-015");
        assertThat(onc2012).allSatisfy(row -> {
            assertThat(row.interruptive()).as(row.id()).isTrue();
            assertThat(row.citation().text()).as(row.id()).contains("PMID 22539083");
        });
    }

    @Test
    void everyRowHasAStableIdAndPharmacistFacingText() {
        assertThat(interactions.rows()).allSatisfy(row -> {
            assertThat(row.id()).matches("DDI-\\d{3}");
            assertThat(row.mechanism()).as(row.id()).hasSizeGreaterThan(20);
            assertThat(row.clinicalEffect()).as(row.id()).hasSizeGreaterThan(20);
            assertThat(row.management()).as(row.id()).hasSizeGreaterThan(20);
        });
    }

    @Test
    void doesNotAlertOnSaferAlternatives() {
        assertThat(ids(MORPHINE, METHYLENE_BLUE))
                .as("morphine is not a serotonergic opioid")
                .isEmpty();
        assertThat(ids(PRAVASTATIN, VORICONAZOLE))
                .as("pravastatin is not CYP3A4-dependent")
                .isEmpty();
        assertThat(ids(SERTRALINE, CITALOPRAM))
                .as("a duplication, not an interaction row")
                .isEmpty();
        assertThat(ids(METHADONE, DIAZEPAM)).containsExactly("DDI-202");
        assertThat(ids(ERGOTAMINE, AZITHROMYCIN))
                .as("azithromycin is not a strong CYP3A4 inhibitor")
                .isEmpty();
        assertThat(ids(SUMATRIPTAN, BUPROPION))
                .as("a triptan with a non-MAOI antidepressant is no ONC pair")
                .isEmpty();
        assertThat(ids(METHYLPHENIDATE, SERTRALINE))
                .as("a stimulant with an SSRI is no ONC pair")
                .isEmpty();
    }
}
