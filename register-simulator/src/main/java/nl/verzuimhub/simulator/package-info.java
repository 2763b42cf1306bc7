/**
 * A deterministic synthetic region served as pages of the national absence register's change feed.
 *
 * <p>{@link nl.verzuimhub.simulator.SyntheticRegion} generates pupils, schools and the register objects about them
 * (absence reports, exemptions, sick reports, absolute-absence signals) over school year 2024-2025 as a list of
 * hub-core {@link nl.verzuimhub.core.record.Mutation}s. {@link nl.verzuimhub.simulator.RegisterSimulator} answers
 * {@code GET /v1/mutaties?vanaf=..&max=..} over such a list with a {@code MutatieBatch} page valid against
 * {@code register-v1.xsd}. Every person, number, name, text and school in here is synthetic. Plain Java: no Spring,
 * no Camel, no wall clock, no unseeded randomness.
 */
package nl.verzuimhub.simulator;
