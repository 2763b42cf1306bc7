/**
 * The register connector: pulls the national absence register's change feed, checks every page and hands it to the
 * hub's {@link nl.verzuimhub.core.port.RegisterPageStore}.
 *
 * <p>Flow of one page: {@link nl.verzuimhub.connectors.register.RegisterRoute} (a Camel timer) asks the
 * {@link nl.verzuimhub.connectors.register.RegisterPoller} whether a request is due
 * ({@link nl.verzuimhub.connectors.register.PollSchedule}: poll interval, back-off, Retry-After, stopped); the poller
 * fetches the page with {@link nl.verzuimhub.connectors.register.RegisterClient} (the register's own HTTP client:
 * mutual TLS, bearer token, timeouts, size limit), sorts the answer by the register interface's table, and hands a
 * 200 to {@link nl.verzuimhub.connectors.register.RegisterPageHandler#handle(long, byte[])}, which parses the body safely
 * against the register's XSD ({@code RegisterPageParser}), applies the checks the XSD cannot express
 * ({@code RegisterPageValidator}), maps every {@code Mutatie} to a hub-core {@link nl.verzuimhub.core.record.Mutation}
 * ({@code MutationMapper}) and then either stores the whole page with its new cursor or quarantines the whole page
 * with a reason. Nothing of a refused page is stored. While a page that says {@code Meer} is stored, the poller fetches
 * and reads the next one on a background thread ({@code PagePrefetch}) and judges it once the page before it is stored.
 *
 * <p>Only {@code RegisterRoute} imports Camel; every other class is plain Java and unit-tested without a Camel context.
 * Rejection reasons and log lines name volgnummers, element paths, ids, counts and rules, never the content of a
 * personal field.
 */
package nl.verzuimhub.connectors.register;
