-- The outbox rows of any number of events (one element per event), written in the transaction that
-- pays or cancels; the relay publishes them after commit.
create or replace function dataplatform_record_events(
    p_event_ids   uuid[],
    p_event_types varchar[],
    p_order_ids   varchar[],
    p_payloads    json[],
    p_created_at  timestamptz)
returns void
language plpgsql as $$
begin
    insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at)
    select e.event_id, e.event_type, e.order_id, e.payload, p_created_at
      from unnest(p_event_ids, p_event_types, p_order_ids, p_payloads) with ordinality
           as e(event_id, event_type, order_id, payload, n)
     order by e.n;
end
$$;
