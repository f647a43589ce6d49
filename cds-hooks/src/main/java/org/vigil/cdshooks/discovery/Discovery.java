package org.vigil.cdshooks.discovery;

import java.util.List;
import org.vigil.cdshooks.Elements;

/** The discovery response; an empty list of services is valid and encoded as {@code []}. */
public record Discovery(List<CdsService> services) {

    public Discovery {
        services = Elements.list(services, "services");
    }
}
