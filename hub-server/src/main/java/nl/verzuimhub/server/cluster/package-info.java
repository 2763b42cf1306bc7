/**
 * Running several hub instances on one PostgreSQL (docs/scale-out.md): the register lease that makes one instance the
 * register's only poller and the only ingest writer ({@link nl.verzuimhub.server.cluster.RegisterLeadership}, table
 * V90__register_leadership.sql), the route gate and the fenced store the register wiring uses, and the settings
 * {@code hub.cluster.*}.
 */
package nl.verzuimhub.server.cluster;
