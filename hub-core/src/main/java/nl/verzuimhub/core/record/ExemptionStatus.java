package nl.verzuimhub.core.record;

/** Status of an exemption, as the register codes it. */
public enum ExemptionStatus { ACTIEF, BEEINDIGD, INGETROKKEN }
