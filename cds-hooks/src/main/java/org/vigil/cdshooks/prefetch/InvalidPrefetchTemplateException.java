package org.vigil.cdshooks.prefetch;

/** A prefetch template that a CDS Client could not fill; the message says which token and why. */
public final class InvalidPrefetchTemplateException extends IllegalArgumentException {

    InvalidPrefetchTemplateException(String message) {
        super(message);
    }
}
