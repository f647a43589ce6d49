package org.vigil.service.store;

/** A committed write: the version it made, and whether it brought the resource into being. */
public record WriteOutcome(StoredResource stored, boolean created) {}
