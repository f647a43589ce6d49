package org.vigil.service.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.vigil.service.store.IndexedType;
import org.vigil.service.store.ResourceTypes;
import org.vigil.service.store.SearchQuery;

/**
 * The CapabilityStatement, built from what the store actually keeps and indexes, so it cannot
 * claim a type, an interaction or a search parameter the server does not serve.
 */
final class Capabilities {

    private Capabilities() {}

    static CapabilityStatement of(ResourceTypes types) {
        CapabilityStatement statement = new CapabilityStatement()
                .setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setDate(new Date())
                .setPublisher("Vigil")
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.setName("VigilRecordStore");
        statement.getSoftware().setName("Vigil");
        statement.getImplementation().setDescription("Vigil's FHIR R4 record store (PostgreSQL)");
        statement.addFormat("application/fhir+json").addFormat("json");
        CapabilityStatementRestComponent rest = statement
                .addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Searches answer a searchset Bundle with total and next/previous links;"
                        + " _count (default " + SearchQuery.DEFAULT_COUNT + ", at most " + SearchQuery.MAX_COUNT
                        + ") sets the page size and _sort orders by the type's date parameter (or _lastUpdated),"
                        + " '-' for descending. Token parameters take code, system|code, |code or system|;"
                        + " date parameters take the prefixes eq, lt, le, gt, ge. A comma means OR, a repeated"
                        + " parameter AND. An unknown search parameter or modifier is refused with 400."
                        + " Transaction Bundles (POST, PUT, DELETE entries) commit whole or not at all, with"
                        + " urn:uuid references resolved; conditional interactions are not supported.");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
        for (IndexedType type : types.all()) {
            CapabilityStatementRestResourceComponent resource = rest.addResource()
                    .setType(type.name())
                    .setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE)
                    .setReadHistory(true)
                    .setUpdateCreate(true)
                    .setConditionalCreate(false)
                    .setConditionalUpdate(false)
                    .setConditionalRead(CapabilityStatement.ConditionalReadStatus.NOTSUPPORTED)
                    .setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
            for (TypeRestfulInteraction interaction : new TypeRestfulInteraction[] {
                TypeRestfulInteraction.READ,
                TypeRestfulInteraction.VREAD,
                TypeRestfulInteraction.UPDATE,
                TypeRestfulInteraction.DELETE,
                TypeRestfulInteraction.HISTORYINSTANCE,
                TypeRestfulInteraction.CREATE,
                TypeRestfulInteraction.SEARCHTYPE
            }) {
                resource.addInteraction().setCode(interaction);
            }
            resource.addSearchParam()
                    .setName("_id")
                    .setType(Enumerations.SearchParamType.TOKEN)
                    .setDocumentation("The logical id");
            type.patientParam().ifPresent(param -> {
                resource.addSearchParam()
                        .setName(param)
                        .setType(Enumerations.SearchParamType.REFERENCE)
                        .setDocumentation("The Patient the record is about (id or Patient/id)");
                if (param.equals("subject")) {
                    resource.addSearchParam()
                            .setName("patient")
                            .setType(Enumerations.SearchParamType.REFERENCE)
                            .setDocumentation("The subject, when it is a Patient (id or Patient/id)");
                }
            });
            for (String token : type.tokenParams()) {
                resource.addSearchParam()
                        .setName(token)
                        .setType(Enumerations.SearchParamType.TOKEN)
                        .setDocumentation(type.documentation(token));
            }
            for (String date : type.dateParams()) {
                resource.addSearchParam()
                        .setName(date)
                        .setType(Enumerations.SearchParamType.DATE)
                        .setDocumentation(type.documentation(date));
            }
        }
        return statement;
    }
}
