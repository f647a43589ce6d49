package org.vigil.testcases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The same chart asked both ways: the Drools risk flags (service patient-view-alerts, RSK-001) and
 * Vigil's CQL pack (service vigil-sepsis-qsofa). A chart's request is rewritten for the other
 * service by moving every Observation into the prefetch key the other one asks for.
 */
final class QsofaAgreement {

    static final String DROOLS_SERVICE = "patient-view-alerts";
    static final String CQL_SERVICE = "vigil-sepsis-qsofa";
    static final String DROOLS_RULE = "RSK-001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private QsofaAgreement() {}

    /** Whether the case is a patient-view chart either service can read. */
    static boolean applies(TestCase testCase) {
        String service = testCase.expected().service();
        return DROOLS_SERVICE.equals(service) || CQL_SERVICE.equals(service);
    }

    /** The request for {@code service}, with the case's Observations under that service's prefetch keys. */
    static byte[] requestFor(TestCase testCase, String service) throws IOException {
        return requestFor(testCase.request(), !DROOLS_SERVICE.equals(service));
    }

    /**
     * A patient-view request with every Observation moved under the prefetch key a CQL pack service
     * asks for ({@code observation}) or, for the Drools service, under {@code vitals} with the other
     * keys it requires present (empty when the request had none).
     */
    static byte[] requestFor(byte[] original, boolean forCqlPack) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(original);
        ObjectNode prefetch = (ObjectNode) request.path("prefetch");
        ArrayNode observations = JSON.createArrayNode();
        for (String key : new String[] {"observation", "labs", "vitals"}) {
            JsonNode bundle = prefetch.path(key);
            for (JsonNode entry : bundle.path("entry")) {
                observations.add(entry);
            }
            prefetch.remove(key);
        }
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.set("entry", observations);
        if (forCqlPack) {
            prefetch.set("observation", bundle);
        } else {
            prefetch.set("vitals", bundle);
            ObjectNode empty =
                    JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
            for (String key : new String[] {"labs", "medications", "allergies", "conditions"}) {
                if (!prefetch.has(key)) {
                    prefetch.set(key, empty);
                }
            }
        }
        return JSON.writeValueAsBytes(request);
    }

    /** Whether the answer carries a card of the rule (matched on the card's rule id extension). */
    static boolean raised(byte[] response, String ruleIdPrefix) throws IOException {
        return indicator(response, ruleIdPrefix) != null;
    }

    /** The indicator of the rule's card in the answer, or null when there is none. */
    static String indicator(byte[] response, String ruleIdPrefix) throws IOException {
        for (JsonNode card : JSON.readTree(response).path("cards")) {
            if (card.path("extension")
                    .path(CaseVerdict.RULE_ID_EXTENSION)
                    .asText()
                    .startsWith(ruleIdPrefix)) {
                return card.path("indicator").asText();
            }
        }
        return null;
    }
}
