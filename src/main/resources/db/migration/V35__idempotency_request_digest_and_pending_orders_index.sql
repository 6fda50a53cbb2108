-- A finished outcome keeps a SHA-256 digest of its request (method, path, canonical JSON body)
-- instead of the body, so a record costs the same few hundred bytes whatever the client sent.
-- Records written before this keep their request_body and are compared as before until they expire.
alter table idempotency_record add column request_digest varchar(64);

-- A reservation counts its user's unpaid orders (commerce.order.max-pending-orders) under the
-- user's pending-orders lock; this keeps that count to the few rows it is about.
create index idx_orders_user_pending on orders (user_id) where status = 'PENDING_PAYMENT';
