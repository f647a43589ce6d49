package org.vigil.cdshooks.prefetch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vigil.cdshooks.hook.ContextField;
import org.vigil.cdshooks.hook.HookDefinition;
import org.vigil.cdshooks.request.HookContext;

/**
 * A prefetch template checked against a hook, e.g. {@code Observation?patient={{context.patientId}}}.
 * Parsing up front means a service cannot advertise a template that no client can fill, and
 * resolving lets the service complete a prefetch the client left out.
 */
public final class PrefetchTemplate {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";
    private static final String CONTEXT_PREFIX = "context.";
    private static final String USER_ID = "userId";

    /** The user tokens and the resource type each one takes from {@code context.userId}. */
    private enum UserToken {
        USER_PRACTITIONER_ID("userPractitionerId", "Practitioner"),
        USER_PRACTITIONER_ROLE_ID("userPractitionerRoleId", "PractitionerRole"),
        USER_PATIENT_ID("userPatientId", "Patient"),
        USER_RELATED_PERSON_ID("userRelatedPersonId", "RelatedPerson");

        final String token;
        final String resourceType;

        UserToken(String token, String resourceType) {
            this.token = token;
            this.resourceType = resourceType;
        }

        static Optional<UserToken> find(String token) {
            for (UserToken candidate : values()) {
                if (candidate.token.equals(token)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }

    /** Literal text, or a token to fill (then {@code token} is non-null). */
    private record Segment(String literal, String token) {}

    private final String template;
    private final List<Segment> segments;
    private final Set<String> tokens;

    private PrefetchTemplate(String template, List<Segment> segments, Set<String> tokens) {
        this.template = template;
        this.segments = segments;
        this.tokens = tokens;
    }

    /**
     * @throws InvalidPrefetchTemplateException when braces are unbalanced or a token is neither a
     *     prefetch-token field of the hook's context nor one of the user tokens
     */
    public static PrefetchTemplate parse(String template, HookDefinition hook) {
        Objects.requireNonNull(hook, "hook");
        if (template == null || template.isBlank()) {
            throw new InvalidPrefetchTemplateException("prefetch template must not be blank");
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> tokens = new LinkedHashSet<>();
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf(OPEN, position);
            int strayClose = template.indexOf(CLOSE, position);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new InvalidPrefetchTemplateException(
                        "'}}' at index " + strayClose + " has no matching '{{' in prefetch template " + template);
            }
            if (open < 0) {
                segments.add(new Segment(template.substring(position), null));
                break;
            }
            if (open > position) {
                segments.add(new Segment(template.substring(position, open), null));
            }
            int close = template.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                throw new InvalidPrefetchTemplateException(
                        "'{{' at index " + open + " is never closed in prefetch template " + template);
            }
            String token = template.substring(open + OPEN.length(), close);
            checkToken(token, hook, template);
            segments.add(new Segment(null, token));
            tokens.add(token);
            position = close + CLOSE.length();
        }
        return new PrefetchTemplate(
                template, List.copyOf(segments), Collections.unmodifiableSet(new LinkedHashSet<>(tokens)));
    }

    private static void checkToken(String token, HookDefinition hook, String template) {
        String quoted = "{{" + token + "}}";
        if (token.contains("{") || token.contains("}")) {
            throw new InvalidPrefetchTemplateException(
                    "token " + quoted + " has nested braces in prefetch template " + template);
        }
        if (UserToken.find(token).isPresent()) {
            return;
        }
        if (!token.startsWith(CONTEXT_PREFIX)) {
            throw new InvalidPrefetchTemplateException("token " + quoted + " is neither context.<field> nor one of "
                    + "userPractitionerId, userPractitionerRoleId, userPatientId, userRelatedPersonId");
        }
        String field = token.substring(CONTEXT_PREFIX.length());
        if (field.contains(".")) {
            throw new InvalidPrefetchTemplateException(
                    "token " + quoted + " reaches into a nested element; only root-level context fields are tokens");
        }
        ContextField definition = hook.field(field)
                .orElseThrow(() -> new InvalidPrefetchTemplateException(
                        "token " + quoted + " names no context field of the " + hook.name() + " hook"));
        if (!definition.prefetchToken()) {
            throw new InvalidPrefetchTemplateException("token " + quoted + " names context field " + field
                    + " which the " + hook.name() + " hook does not allow as a prefetch token");
        }
    }

    public String template() {
        return template;
    }

    /** Token names in order of first appearance, without braces, e.g. {@code context.patientId}. */
    public Set<String> tokens() {
        return tokens;
    }

    /**
     * Fills every token from the context; empty when one cannot be filled (an optional field that is
     * absent, or a user token that does not match the type of {@code context.userId}).
     */
    public Optional<String> resolve(HookContext context) {
        StringBuilder url = new StringBuilder(template.length() + 32);
        for (Segment segment : segments) {
            if (segment.token == null) {
                url.append(segment.literal);
                continue;
            }
            Optional<String> value = value(segment.token, context);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            url.append(encode(value.get()));
        }
        return Optional.of(url.toString());
    }

    private static Optional<String> value(String token, HookContext context) {
        Optional<UserToken> user = UserToken.find(token);
        if (user.isPresent()) {
            return context.string(USER_ID).flatMap(userId -> idOf(userId, user.get().resourceType));
        }
        return context.string(token.substring(CONTEXT_PREFIX.length())).filter(value -> !value.isBlank());
    }

    /**
     * The id part of a reference to the given type: {@code Practitioner/123} gives 123. Absolute and
     * versioned references ({@code .../Practitioner/123/_history/2}) are accepted too.
     */
    static Optional<String> idOf(String reference, String resourceType) {
        String[] parts = reference.split("/", -1);
        int end = parts.length;
        if (end >= 4 && "_history".equals(parts[end - 2])) {
            end -= 2;
        }
        if (end < 2 || !resourceType.equals(parts[end - 2]) || parts[end - 1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts[end - 1]);
    }

    /**
     * Percent-encodes everything but RFC 3986 unreserved characters and {@code / : @}, which are
     * legal in both path and query. Keeping '/' lets {{context.userId}} stand for a whole relative
     * reference such as Practitioner/123, as the spec's own example does; '&', '=', '?', '#', '+',
     * ',' and spaces are escaped so a value cannot add search parameters.
     */
    static String encode(String value) {
        StringBuilder encoded = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (isSafe(b)) {
                if (encoded != null) {
                    encoded.append((char) b);
                }
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(bytes.length + 16);
                for (int j = 0; j < i; j++) {
                    encoded.append((char) bytes[j]);
                }
            }
            encoded.append('%')
                    .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return encoded == null ? value : encoded.toString();
    }

    private static boolean isSafe(int b) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '.'
                || b == '_'
                || b == '~'
                || b == '/'
                || b == ':'
                || b == '@';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrefetchTemplate that && template.equals(that.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
