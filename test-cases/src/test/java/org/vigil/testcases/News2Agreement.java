package org.vigil.testcases;

/** The NEWS2 flag written twice: the Drools rule RSK-002 (patient-view-alerts) and the CQL pack service vigil-news2. */
final class News2Agreement {

    static final String DROOLS_RULE = "RSK-002";
    static final String CQL_SERVICE = "vigil-news2";

    private News2Agreement() {}
}
