-- explain.warm(statement, setup): EXPLAIN (ANALYZE, BUFFERS) of a statement, run twice, each time
-- in a subtransaction that is rolled back, and the second plan returned (the first only warms the
-- caches). "setup" runs first in the same subtransaction: an index dropped, a setting changed;
-- it is undone with the statement. An error (e.g. an upsert left without its unique index) is
-- returned as one line.
create schema if not exists explain;

create or replace function explain.warm(p_sql text, p_setup text default '')
returns setof text
language plpgsql as $f$
declare
    v_lines text[];
    v_line  text;
begin
    for v_round in 1..2 loop
        v_lines := '{}';
        begin
            if p_setup <> '' then
                execute p_setup;
            end if;
            for v_line in execute 'explain (analyze, buffers) ' || p_sql loop
                v_lines := v_lines || v_line;
            end loop;
            raise exception using errcode = 'P0001', message = 'explain.warm: undo';
        exception
            when sqlstate 'P0001' then
                if sqlerrm <> 'explain.warm: undo' then
                    v_lines := array['ERROR: ' || sqlerrm];
                end if;
            when others then
                v_lines := array['ERROR: ' || sqlerrm];
        end;
    end loop;
    return query select unnest(v_lines);
end
$f$;

-- What support/persistence/IndexScans.during(...) sets around its statement (set_config local, put back after it).
create or replace function explain.index_scans_only() returns text language sql as $$
    select 'select set_config(''enable_seqscan'', ''off'', true), set_config(''enable_bitmapscan'', ''off'', true), '
           || 'set_config(''enable_sort'', ''off'', true)'
$$;
