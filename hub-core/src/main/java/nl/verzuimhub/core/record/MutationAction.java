package nl.verzuimhub.core.record;

/** What the register did to an object: created, changed, or withdrawn by the source (stop disclosing it). */
public enum MutationAction { NIEUW, GEWIJZIGD, INGETROKKEN }
