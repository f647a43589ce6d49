package org.vigil.service.suppression;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Remembers which interruptive alerts a prescriber overrode, so the same alert for the same user,
 * patient and drugs is shown at lower urgency within the override window rather than interrupting
 * again. Cards are remembered by their uuid when issued, because CDS Hooks feedback names only the
 * card. Keys are {@link SuppressionKey} digests: no patient data is stored.
 */
public interface OverrideMemory {

    /**
     * How long an issued card is remembered so its feedback can find it: EHRs send feedback when the
     * prescriber acts on the card, within minutes; an hour covers a slow client without keeping every
     * card of the day.
     */
    Duration CARD_RETENTION = Duration.ofHours(1);

    /** The card retention, never longer than the override window itself. */
    static Duration cardRetention(Duration window) {
        return window.compareTo(CARD_RETENTION) < 0 ? window : CARD_RETENTION;
    }

    /** The remembered overrides among these keys. */
    Mono<Map<String, PastOverride>> overridden(Collection<String> keys);

    /** Remembers which key each interruptive card issued now stands for (card uuid to key). */
    Mono<Void> issued(Map<String, String> keyByCard);

    /** Records overrides reported by feedback; emits how many named a card this memory knew. */
    Mono<Integer> override(List<Reported> overrides);

    /** An override as remembered: when, and the reason given, if any. */
    record PastOverride(Instant at, String reason) {}

    /** An override as feedback reports it. */
    record Reported(String card, Instant at, String reason) {}
}
