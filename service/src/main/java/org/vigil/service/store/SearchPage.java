package org.vigil.service.store;

import java.util.List;

/** One page of search results, and how many match in all. */
public record SearchPage(long total, List<StoredResource> resources) {}
