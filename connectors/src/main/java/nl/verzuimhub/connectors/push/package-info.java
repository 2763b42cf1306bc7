/**
 * Push connectors: deliver a recipient's batches of feed items through the channel the recipient chose (an HTTPS
 * webhook, files in a directory, files on an SFTP server). Plain classes without Spring or Camel; the hub's outbox
 * decides what to send, when, and how often to retry, and a connector only makes one attempt and says how it went.
 */
package nl.verzuimhub.connectors.push;
