package nl.verzuimhub.dpia;

/** The way data left (or was asked for): the pull feed, a push connector, the dashboard, or the API. */
public enum AuditChannel { FEED, PUSH, DASHBOARD, API }
