package org.vigil.cql;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;
import org.opencds.cqf.cql.engine.execution.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an engine remember which function definition a call resolves to by the call itself (the ELM
 * {@code FunctionRef} object) rather than by its contents.
 *
 * <p>The CQL engine (3.29) keeps resolved calls in a {@link java.util.HashMap} keyed by the {@code
 * FunctionRef}, whose {@code hashCode} and {@code equals} walk the whole ELM subtree of the call, its
 * arguments included, on every call evaluated. A call's resolution depends only on the call and the
 * library it sits in, and each {@code FunctionRef} object sits in exactly one translated library, so
 * the same object always resolves the same way: keying by identity gives the same definitions for a
 * fraction of the cost. (Keying by contents can even confuse two equal-looking calls in different
 * libraries; by identity it cannot.)
 *
 * <p>The engine has no setting for this, so the map is replaced by reflection; if a later engine
 * version renames the field, the engine's own map stays and evaluation is only slower.
 */
final class FunctionResolutionCache {

    private static final Logger log = LoggerFactory.getLogger(FunctionResolutionCache.class);
    private static final Field FUNCTION_CACHE = functionCacheField();

    private FunctionResolutionCache() {}

    /** Replaces the engine cache's function resolutions by an identity-keyed map; false when it cannot. */
    static boolean keyByIdentity(Cache cache) {
        if (FUNCTION_CACHE == null) {
            return false;
        }
        try {
            FUNCTION_CACHE.set(cache, new IdentityHashMap<>());
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            log.warn("Cannot key the CQL engine's function resolutions by identity: {}", e.toString());
            return false;
        }
    }

    /** Whether the cache keeps function resolutions by identity. */
    static boolean keysByIdentity(Cache cache) {
        return cache.getFunctionCache() instanceof IdentityHashMap<?, ?>;
    }

    private static Field functionCacheField() {
        try {
            Field field = Cache.class.getDeclaredField("functionCache");
            if (!Map.class.isAssignableFrom(field.getType())) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            log.warn("The CQL engine's function cache is not where expected: {}", e.toString());
            return null;
        }
    }
}
