package org.vigil.cdshooks.response;

import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requirePresent;
import static org.vigil.cdshooks.Elements.requireText;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.vigil.cdshooks.InvalidElementException;

/**
 * A change the service proposes to the client's record, inside a suggestion or as a system action.
 * {@code resourceId} is a relative reference such as {@code ServiceRequest/123}.
 */
public record Action(ActionType type, String description, IBaseResource resource, String resourceId) {

    public Action {
        requirePresent(type, "type");
        requireText(description, "description");
        resourceId = optionalText(resourceId);
        if ((type == ActionType.CREATE || type == ActionType.UPDATE) && resource == null) {
            throw new InvalidElementException("resource", "is required for " + type.value() + " actions");
        }
        if (type == ActionType.DELETE && resource == null && resourceId == null) {
            throw new InvalidElementException("resourceId", "is required for delete actions");
        }
    }

    public static Action create(String description, IBaseResource resource) {
        return new Action(ActionType.CREATE, description, resource, null);
    }

    public static Action update(String description, IBaseResource resource) {
        return new Action(ActionType.UPDATE, description, resource, null);
    }

    public static Action delete(String description, String resourceId) {
        return new Action(ActionType.DELETE, description, null, resourceId);
    }
}
