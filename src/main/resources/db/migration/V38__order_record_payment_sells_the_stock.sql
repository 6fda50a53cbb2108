-- order_record_payment gained p_from_reserved (it now sells the stock with the other writes, in one
-- statement); create or replace cannot change a signature, so the first text goes here, before
-- R__order_payment.sql creates the current one. A database migrated before V37 never had it.
drop function if exists order_record_payment(varchar, bigint, timestamptz, bigint, bigint, bigint[], bigint[], bigint[],
                                             integer[], boolean, date, uuid, varchar, json);
