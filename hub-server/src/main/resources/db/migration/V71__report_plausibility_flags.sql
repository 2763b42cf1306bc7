-- Issue F (helper f-rules): V3/V4 reports whose hours and period cannot add up under the 16-hours-in-4-school-weeks
-- rule (hub-core ReportPlausibility). A flag for an operator to look at, never a reason to drop the report: ingest
-- stores the report as always and adds a row per problem here. No personal data: the record id and version, the
-- problem code and a detail of numbers and dates of the report.
create table report_plausibility_flag (
    record_id  text        not null,
    version    integer     not null,
    problem    text        not null,
    detail     text        not null,
    flagged_at timestamptz not null,
    primary key (record_id, version, problem)
);

create index report_plausibility_flag_recent on report_plausibility_flag (flagged_at desc, record_id, version);
