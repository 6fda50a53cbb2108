-- How a plan cached while a table was empty behaves once the table is full: the outbox claim
-- (JdbcOutboxRepository.CLAIM) prepared on an empty copy of data_platform_outbox, executed six
-- times (from the sixth execution on, PostgreSQL keeps a generic plan when it is not costlier than
-- the custom ones, and it is replanned only when the table's definition or statistics change),
-- then run after the copy is filled with the 100,000 seeded rows. Once without and once with the
-- settings of support/persistence/IndexScans, and once more with IndexScans' settings plus
-- plan_cache_mode = force_custom_plan. The empty copy is analyzed, as on a database where ANALYZE ran
-- before the data came; with -v never_analyzed=1 it is left never analyzed, as after a migration.
-- Leaves nothing behind (schema "scratch" is dropped).
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
\pset footer off
drop schema if exists scratch cascade;
create schema scratch;
create table scratch.data_platform_outbox (like public.data_platform_outbox including all);
\if :{?never_analyzed}
\else
analyze scratch.data_platform_outbox;
\endif
set search_path = scratch, public;

prepare claim_plain(timestamptz, timestamptz, int) as
update data_platform_outbox o set claimed_until = $2, attempts = o.attempts + 1
 where o.id in (select c.id from data_platform_outbox c
                 where c.published_at is null and (c.claimed_until is null or c.claimed_until < $1)
                   and c.id = (select min(first.id) from data_platform_outbox first
                                where first.order_id = c.order_id and first.published_at is null)
                 order by c.id limit $3 for update skip locked)
returning o.id, o.event_id, o.event_type, o.order_id, o.payload;
prepare claim_index_scans(timestamptz, timestamptz, int) as
update data_platform_outbox o set claimed_until = $2, attempts = o.attempts + 1
 where o.id in (select c.id from data_platform_outbox c
                 where c.published_at is null and (c.claimed_until is null or c.claimed_until < $1)
                   and c.id = (select min(first.id) from data_platform_outbox first
                                where first.order_id = c.order_id and first.published_at is null)
                 order by c.id limit $3 for update skip locked)
returning o.id, o.event_id, o.event_type, o.order_id, o.payload;

\o /dev/null
begin;
execute claim_plain('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_plain('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_plain('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_plain('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_plain('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_plain('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
rollback;
begin;
select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
       set_config('enable_sort', 'off', true);
execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
rollback;
\o

insert into data_platform_outbox overriding system value select * from public.data_platform_outbox;

\echo '### outbox claim, generic plan cached while the table was empty, no IndexScans'
begin;
explain (analyze, buffers) execute claim_plain('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
rollback;
\echo '### outbox claim, generic plan cached while the table was empty, with IndexScans'
begin;
select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
       set_config('enable_sort', 'off', true) \g /dev/null
explain (analyze, buffers) execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
rollback;

\echo '### outbox claim, the same cached statement, with IndexScans and plan_cache_mode = force_custom_plan'
begin;
select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
       set_config('enable_sort', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true) \g /dev/null
explain (analyze, buffers) execute claim_index_scans('2026-12-07 00:00+00', '2026-12-07 00:00:30+00', 100);
rollback;

reset search_path;
drop schema scratch cascade;
