package org.vigil.service.alertlog;

import java.util.List;

/** Where the hook pipeline hands the cards it returned; must never block or fail the request. */
public interface AlertSink {

    void record(List<AlertEntry> entries);
}
