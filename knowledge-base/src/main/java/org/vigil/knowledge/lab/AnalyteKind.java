package org.vigil.knowledge.lab;

/** Whether an observation comes from the laboratory or is a bedside vital sign. */
public enum AnalyteKind {
    LAB,
    VITAL
}
