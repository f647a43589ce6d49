package org.vigil.service.demo;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.vigil.service.store.FhirStore;

/**
 * A handful of demo patients (ids {@code demo-...}, the patients of the README's examples and of
 * the replayed cases they come from) stored at startup when the record store is empty and {@code
 * vigil.demo-data.enabled} is true, which it is by default only on the embedded PostgreSQL: a
 * configured server never gets demo data unless asked. Their dates are moved forward by the days
 * since the data was written, so results stay as recent (and patients as old) as they were then.
 * They are stored once every bean is ready and before the web server opens its port, so no hook
 * call can reach a demo patient that is not there yet.
 */
@Component
class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String RESOURCE = "/demo/demo-patients.json";

    private final FhirStore store;
    private final FhirContext fhir;
    private final DatabaseClient database;
    private final Environment environment;
    private final Clock clock;

    DemoData(FhirStore store, FhirContext fhir, DatabaseClient database, Environment environment, Clock clock) {
        this.store = store;
        this.fhir = fhir;
        this.database = database;
        this.environment = environment;
        this.clock = clock;
    }

    boolean enabled() {
        String url = environment.getProperty("spring.r2dbc.url");
        boolean embedded = url == null || url.isBlank();
        return environment.getProperty("vigil.demo-data.enabled", Boolean.class, embedded);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled()) {
            return;
        }
        Boolean empty = database.sql("SELECT NOT EXISTS (SELECT 1 FROM fhir_resource) AS empty")
                .map(row -> row.get("empty", Boolean.class))
                .one()
                .block();
        if (!Boolean.TRUE.equals(empty)) {
            log.info("The record store holds resources: no demo patients loaded");
            return;
        }
        List<Resource> resources = resources();
        int stored = store.importNew(resources).map(List::size).block();
        log.info("Loaded {} demo resources (patients demo-...) into the empty record store", stored);
    }

    /** The demo resources, dates moved forward to today. */
    List<Resource> resources() {
        Bundle bundle;
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            bundle = fhir.newJsonParser().parseResource(Bundle.class, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate written =
                bundle.getTimestamp().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        int days = (int) ChronoUnit.DAYS.between(written, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        List<Resource> resources = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (days != 0) {
                for (BaseDateTimeType date :
                        fhir.newTerser().getAllPopulatedChildElementsOfType(resource, BaseDateTimeType.class)) {
                    date.add(Calendar.DATE, days);
                }
            }
            resources.add(resource);
        }
        return resources;
    }
}
