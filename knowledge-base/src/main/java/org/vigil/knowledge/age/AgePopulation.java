package org.vigil.knowledge.age;

/** Which end of life an age criterion is about; it decides which age bound the row must give. */
public enum AgePopulation {
    /** Older adults: the row gives {@code min_age}. */
    OLDER_ADULT,
    /** Children and adolescents: the row gives {@code max_age}. */
    PEDIATRIC
}
