package org.vigil.service.knowledge;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.knowledge.KnowledgeSnapshot;

/**
 * The knowledge snapshot in force. A request reads it once and uses that snapshot from start to
 * end; a new version is built aside and swapped in atomically.
 */
public final class KnowledgeHolder {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeHolder.class);

    private final AtomicReference<KnowledgeSnapshot> current;

    public KnowledgeHolder(KnowledgeSnapshot initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        log.info("Knowledge version {} in force", initial.version());
    }

    public KnowledgeSnapshot current() {
        return current.get();
    }

    public void swap(KnowledgeSnapshot next) {
        KnowledgeSnapshot previous = current.getAndSet(Objects.requireNonNull(next, "next"));
        log.info("Knowledge version {} replaced {}", next.version(), previous.version());
    }
}
