package org.vigil.cql;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeChildPrimitiveDatatypeDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBackboneElement;
import org.hl7.fhir.instance.model.api.IBaseElement;
import org.hl7.fhir.instance.model.api.IBaseEnumeration;
import org.hl7.fhir.instance.model.api.ICompositeType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.opencds.cqf.cql.engine.model.CachingModelResolverDecorator;

/**
 * The FHIR R4 model resolver the engines read resource properties through: it gives the same answers
 * as {@link R4FhirModelResolver} (which it wraps, and keeps for everything but property reads), but
 * looks up what a property of a FHIR type is once per (type, property) instead of on every read.
 *
 * <p>For each single-step property read ({@code O.status}, {@code Q.value}, the {@code value} of a
 * primitive) the wrapped resolver finds the type's runtime definition in the FHIR context, then the
 * property's child definition by name, on every call; those answers depend only on the Java class and
 * the property name, so they are kept here per class. What depends on the instance (the values, an
 * empty primitive, a choice holding another type) is decided per read exactly as the wrapped resolver
 * does. Paths with several steps or an index, properties the FHIR definitions do not name directly
 * (such as {@code valueQuantity}) and anything that is not a FHIR element go to the wrapped resolver.
 */
final class FhirPropertyReader extends CachingModelResolverDecorator {

    private final R4FhirModelResolver model;
    private final FhirContext fhirContext;
    private final ClassValue<Map<String, Property>> properties = new ClassValue<>() {
        @Override
        protected Map<String, Property> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    FhirPropertyReader(R4FhirModelResolver model) {
        super(model);
        this.model = model;
        this.fhirContext = model.getFhirContext();
    }

    @Override
    public Object resolvePath(Object target, String path) {
        if (target == null) {
            return null;
        }
        if (path.indexOf('.') >= 0 || path.indexOf('[') >= 0 || !(target instanceof IBase)) {
            return model.resolvePath(target, path);
        }
        // The checks R4FhirModelResolver.resolveProperty makes before looking at definitions, in order.
        if (target instanceof Resource resource && resource.fhirType().equals(path)) {
            return target;
        }
        if (target instanceof PrimitiveType<?> primitive && path.equals("extension")) {
            return primitive.getExtension();
        }
        if (target instanceof IBaseEnumeration<?> enumeration && path.equals("value")) {
            return enumeration.getValueAsString();
        }
        if (target instanceof IPrimitiveType<?> primitive) {
            return model.toJavaPrimitive(path.equals("value") ? primitive.getValue() : target, target);
        }
        Property property = property(target.getClass(), path);
        return property == null ? model.resolvePath(target, path) : property.read((IBase) target);
    }

    private Property property(Class<?> type, String path) {
        Map<String, Property> byName = properties.get(type);
        Property property = byName.get(path);
        if (property == null) {
            property = Property.of(definition(type), path);
            if (property == null) {
                return null;
            }
            byName.putIfAbsent(path, property);
        }
        return property;
    }

    /** The composite definition the wrapped resolver would use for an instance of the class, or null. */
    private BaseRuntimeElementCompositeDefinition<?> definition(Class<?> type) {
        BaseRuntimeElementDefinition<?> definition;
        if (Resource.class.isAssignableFrom(type)) {
            definition = fhirContext.getResourceDefinition(type.asSubclass(Resource.class));
        } else if (IBaseBackboneElement.class.isAssignableFrom(type)
                || IBaseElement.class.isAssignableFrom(type)
                || ICompositeType.class.isAssignableFrom(type)) {
            definition = fhirContext.getElementDefinition(type.asSubclass(IBase.class));
        } else {
            return null;
        }
        return definition instanceof BaseRuntimeElementCompositeDefinition<?> composite ? composite : null;
    }

    /** What reading one named property of one FHIR type takes, found once. */
    private record Property(
            BaseRuntimeChildDefinition child, boolean primitive, boolean repeats, String choiceTypeName) {

        /** The property, or null when it is not a child the definition names (left to the wrapped resolver). */
        static Property of(BaseRuntimeElementCompositeDefinition<?> definition, String path) {
            if (definition == null) {
                return null;
            }
            BaseRuntimeChildDefinition child = definition.getChildByName(path);
            if (child == null) {
                return null;
            }
            String choiceTypeName = null;
            if (child instanceof RuntimeChildChoiceDefinition
                    && !child.getElementName().equalsIgnoreCase(path)) {
                choiceTypeName =
                        child.getChildByName(path).getImplementingClass().getSimpleName();
            }
            return new Property(
                    child,
                    child instanceof RuntimeChildPrimitiveDatatypeDefinition,
                    child.getMax() < 1,
                    choiceTypeName);
        }

        Object read(IBase target) {
            List<IBase> values = child.getAccessor().getValues(target);
            if (values == null || values.isEmpty()) {
                return null;
            }
            IBase first = values.get(0);
            if (primitive && first instanceof IPrimitiveType<?> p && !p.hasValue()) {
                return null;
            }
            if (choiceTypeName != null && !first.getClass().getSimpleName().equalsIgnoreCase(choiceTypeName)) {
                return null;
            }
            // The wrapped resolver passes the result through toJavaPrimitive with the composite target as
            // source, which returns it unchanged.
            return repeats ? values : first;
        }
    }
}
