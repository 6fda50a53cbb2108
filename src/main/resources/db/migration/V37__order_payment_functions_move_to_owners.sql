-- The payment's functions of V9 and V32 wrote the tables of six other modules themselves. Each
-- owning module now defines its part in its own repeatable migration (R__<module>_*.sql, applied
-- after every versioned one), and the order module's R__order_payment.sql calls them. The old
-- functions go here, before the repeatable migrations create their successors.
drop function place_paid_order(varchar, bigint, timestamptz, bigint[], bigint[], varchar[], varchar[], bigint[],
                               integer[], bigint, boolean, bigint, boolean, date, uuid, json);
drop function pay_pending_order(varchar, bigint, timestamptz, varchar[], bigint, boolean, bigint, date, uuid, json);
drop function record_payment(varchar, bigint, timestamptz, bigint, bigint, bigint[], bigint[], bigint[], integer[],
                             boolean, date, uuid, json);
drop function payment_refusal(bigint, timestamptz, bigint, boolean, bigint, bigint);
