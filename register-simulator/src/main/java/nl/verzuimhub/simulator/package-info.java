/**
 * A deterministic synthetic region served as pages of the national absence register's change feed.
 *
 * <p>{@link nl.verzuimhub.simulator.SyntheticRegion} generates pupils, schools and the register objects about them
 * (absence reports, exemptions, sick reports, absolute-absence signals) over school year 2024-2025 as a list of
 * hub-core {@link nl.verzuimhub.core.record.Mutation}s; {@code SyntheticRegion.calibrated(seed)} generates a region
 * whose leerplichttelling indicators match the national figures ({@link nl.verzuimhub.simulator.NationalFigures}) by
 * quota. School days and holidays are hub-core's ({@code nl.verzuimhub.core.calendar}); rates, quotas and their
 * sources: docs/simulator.md. {@link nl.verzuimhub.simulator.RegisterSimulator} answers
 * {@code GET /v1/mutaties?vanaf=..&max=..} over such a list with a {@code MutatieBatch} page valid against
 * {@code register-v1.xsd}. Every person, number, name, text and school in here is synthetic. Plain Java: no Spring,
 * no Camel, no wall clock, no unseeded randomness.
 */
package nl.verzuimhub.simulator;
