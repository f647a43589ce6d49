package org.vigil.cdshooks.response;

import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requirePresent;
import static org.vigil.cdshooks.Elements.requireText;

import org.vigil.cdshooks.InvalidElementException;

/** A link to a web page or a SMART app. */
public record Link(String label, String url, LinkType type, String appContext, Boolean autolaunchable) {

    public Link {
        requireText(label, "label");
        requireText(url, "url");
        requirePresent(type, "type");
        appContext = optionalText(appContext);
        // appContext is handed to the SMART app at launch; an absolute link has no launch to carry it.
        if (appContext != null && type != LinkType.SMART) {
            throw new InvalidElementException("appContext", "is only allowed on smart links");
        }
    }

    public static Link absolute(String label, String url) {
        return new Link(label, url, LinkType.ABSOLUTE, null, null);
    }
}
