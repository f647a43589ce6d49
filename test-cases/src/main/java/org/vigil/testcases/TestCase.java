package org.vigil.testcases;

import java.nio.file.Path;

/**
 * One replayable scenario: {@code cases/<check>/<scenario>/request.json} with its
 * {@code expected.json} beside it.
 */
public record TestCase(String check, String scenario, Path folder, byte[] request, Expectation expected) {

    public String name() {
        return check + "/" + scenario;
    }
}
