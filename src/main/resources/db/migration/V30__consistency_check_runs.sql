-- Each consistency run: when, which checks ran, and the violations found (check, subject, detail).
-- Written by the reconciliation only; the checks themselves read the other tables and change nothing.
create table consistency_check_run (
    id              bigint generated always as identity primary key,
    checked_at      timestamptz   not null,
    checks          varchar(60)[] not null,
    clean           boolean       not null,
    violation_count integer       not null check (violation_count >= 0),
    violations      json          not null,
    check (clean = (violation_count = 0))
);
