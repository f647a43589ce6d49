package org.vigil.service.store;

import ca.uhn.fhir.context.FhirContext;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The FHIR record store, on the same PostgreSQL (and connection pool) as the alert log. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    ResourceTypes resourceTypes() {
        return new ResourceTypes();
    }

    @Bean
    FhirStore fhirStore(
            DatabaseClient database,
            ConnectionFactory connectionFactory,
            FhirContext fhir,
            ResourceTypes types,
            ObjectProvider<PatientWrites> patientWrites) {
        TransactionalOperator transactions =
                TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
        return new FhirStore(
                database, transactions, fhir, types, patientWrites.getIfAvailable(() -> PatientWrites.NONE));
    }
}
