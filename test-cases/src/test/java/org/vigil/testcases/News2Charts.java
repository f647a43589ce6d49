package org.vigil.testcases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Patient-view charts for the NEWS2 agreement between the Drools rule (RSK-002) and the CQL pack
 * (vigil-news2), written for the Drools service (Observations under {@code vitals}), judged as of
 * {@link CaseLibrary#AS_OF}. Each chart says which NEWS2 answer it is built to give, so the spread
 * covers every level, every parameter's red band and missing data; the agreement test checks that both
 * engines give that answer.
 */
final class News2Charts {

    /** What a chart is built to give: no card, or the card's indicator. */
    enum Expected {
        NONE,
        WARNING,
        CRITICAL
    }

    record Chart(String name, Expected expected, String request) {}

    private static final Instant TAKEN = CaseLibrary.AS_OF.minusSeconds(3 * 3600);

    private News2Charts() {}

    static List<Chart> all() {
        List<Chart> charts = new ArrayList<>();
        charts.add(chart("normal vitals: NEWS2 0", Expected.NONE, normal()));
        charts.add(chart("respiration rate 7 alone scores 3", Expected.WARNING, normal().rr("7")));
        charts.add(chart("respiration rate 25 alone scores 3", Expected.WARNING, normal().rr("25")));
        charts.add(chart("SpO2 91% alone scores 3", Expected.WARNING, normal().spo2("91")));
        charts.add(chart("systolic 90 in a panel alone scores 3", Expected.WARNING, normal().panelSystolic("90")));
        charts.add(chart("systolic 220 as its own reading scores 3", Expected.WARNING, normal().systolic("220")));
        charts.add(chart("pulse 131 alone scores 3", Expected.WARNING, normal().pulse("131")));
        charts.add(chart("pulse 40 alone scores 3", Expected.WARNING, normal().pulse("40")));
        charts.add(chart("GCS 14 alone scores 3 (not Alert)", Expected.WARNING, normal().gcs("14")));
        charts.add(chart("temperature 35.0 alone scores 3", Expected.WARNING, normal().temperature("35.0", "Cel")));
        charts.add(chart(
                "upper edges of the 2-point bands: RR 24 and pulse 130 (NEWS2 4)",
                Expected.NONE,
                normal().rr("24").pulse("130")));
        charts.add(chart(
                "systolic 91 and 39.1 C score 2 each (NEWS2 4)",
                Expected.NONE,
                normal().panelSystolic("91").temperature("39.1", "Cel")));
        charts.add(chart(
                "aggregate 5 without a red parameter: urgent",
                Expected.WARNING,
                normal().rr("21").spo2("95").panelSystolic("110").pulse("95")));
        charts.add(chart(
                "aggregate 6 without a red parameter: urgent",
                Expected.WARNING,
                normal().rr("22").spo2("94").panelSystolic("105").pulse("111")));
        charts.add(chart(
                "aggregate 7: emergency",
                Expected.CRITICAL,
                normal().rr("22").spo2("93").panelSystolic("105").pulse("115")));
        charts.add(chart(
                "aggregate 9 with red parameters: emergency",
                Expected.CRITICAL,
                normal().rr("28").panelSystolic("88").gcs("13")));
        charts.add(chart(
                "temperature 102.9 [degF] (39.4 C, 2) with RR 21 and pulse 111: urgent",
                Expected.WARNING,
                normal().temperature("102.9", "[degF]").rr("21").pulse("111")));
        charts.add(chart(
                "a preliminary respiration rate of 26 counts",
                Expected.WARNING,
                normal().rr("26").status("rr", "preliminary")));
        charts.add(chart(
                "an entered-in-error respiration rate of 26 does not count",
                Expected.NONE,
                normal().rr("26").status("rr", "entered-in-error")));
        charts.add(chart(
                "missing data: only RR 23 and pulse 120 (4), the rest not recorded",
                Expected.NONE,
                new Vitals().rr("23").pulse("120")));
        charts.add(chart(
                "missing data: only a GCS of 12, which alone scores 3", Expected.WARNING, new Vitals().gcs("12")));
        charts.add(chart("no vital signs at all", Expected.NONE, new Vitals()));
        charts.add(chart(
                "red readings from three days ago are missing, not scored",
                Expected.NONE,
                new Vitals(CaseLibrary.AS_OF.minusSeconds(3 * 86400))
                        .rr("7")
                        .pulse("135")
                        .gcs("10")));
        charts.add(chart(
                "red readings from yesterday morning still count",
                Expected.WARNING,
                new Vitals(CaseLibrary.AS_OF.minusSeconds(86400 + 4 * 3600)).rr("7")));
        return charts;
    }

    private static Vitals normal() {
        return new Vitals()
                .rr("16")
                .spo2("97")
                .panelSystolic("125")
                .pulse("72")
                .gcs("15")
                .temperature("36.8", "Cel");
    }

    private static Chart chart(String name, Expected expected, Vitals vitals) {
        return new Chart(name, expected, vitals.request(name));
    }

    /** A chart's vital signs, one reading per parameter at one time. */
    static final class Vitals {
        private final Instant taken;
        private final java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> statuses = new java.util.HashMap<>();

        Vitals() {
            this(TAKEN);
        }

        Vitals(Instant taken) {
            this.taken = taken;
        }

        Vitals rr(String value) {
            return quantity("rr", "9279-1", "Respiratory rate", value, "/min");
        }

        Vitals spo2(String value) {
            return quantity("spo2", "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", value, "%");
        }

        Vitals pulse(String value) {
            return quantity("hr", "8867-4", "Heart rate", value, "/min");
        }

        Vitals gcs(String value) {
            return quantity("gcs", "9269-2", "Glasgow coma score total", value, "{score}");
        }

        Vitals temperature(String value, String unit) {
            return quantity("temp", "8310-5", "Body temperature", value, unit);
        }

        Vitals systolic(String value) {
            entries.remove("bp");
            return quantity("sbp", "8480-6", "Systolic blood pressure", value, "mm[Hg]");
        }

        Vitals panelSystolic(String value) {
            entries.remove("sbp");
            entries.put("bp", """
                    "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel with all children optional"}]},
                    "component": [
                      {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6", "display": "Systolic blood pressure"}]},
                       "valueQuantity": {"value": %s, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                      {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4", "display": "Diastolic blood pressure"}]},
                       "valueQuantity": {"value": 70, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}
                    ]""".formatted(value));
            return this;
        }

        Vitals status(String key, String status) {
            statuses.put(key, status);
            return this;
        }

        private Vitals quantity(String key, String loinc, String display, String value, String unit) {
            entries.put(key, """
                    "code": {"coding": [{"system": "http://loinc.org", "code": "%s", "display": "%s"}]},
                    "valueQuantity": {"value": %s, "unit": "%s", "system": "http://unitsofmeasure.org", "code": "%s"}""".formatted(loinc, display, value, unit, unit));
            return this;
        }

        String request(String name) {
            String patient = "news2-" + Integer.toHexString(name.hashCode());
            List<String> resources = new ArrayList<>();
            entries.forEach((key, body) ->
                    resources.add("""
                    {"resource": {
                      "resourceType": "Observation", "id": "%1$s-%2$s", "status": "%3$s",
                      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                      "subject": {"reference": "Patient/%1$s"},
                      "effectiveDateTime": "%4$s",
                      %5$s
                    }}""".formatted(patient, key, statuses.getOrDefault(key, "final"), taken, body)));
            return """
                    {
                      "hook": "patient-view",
                      "hookInstance": "0b7f3f0e-8d8a-4c55-a0d6-2f3c0e1b9a%2$s",
                      "context": {"userId": "Practitioner/demo-clinician", "patientId": "%1$s"},
                      "prefetch": {
                        "patient": {"resourceType": "Patient", "id": "%1$s", "gender": "male", "birthDate": "1958-06-30"},
                        "vitals": {"resourceType": "Bundle", "type": "searchset", "entry": [%3$s]}
                      }
                    }""".formatted(
                            patient, "%02d".formatted(Math.abs(name.hashCode()) % 100), String.join(",\n", resources));
        }
    }
}
