-- The two payment functions (migration V32), with the plan of every statement they run: auto_explain
-- with log_nested_statements, sent to this client as NOTICEs. Each call is rolled back. The first
-- call of each only warms the caches. Both are then called again (one warm-up call, one shown) with
-- plan_cache_mode = force_generic_plan: the plans a pooled connection settles on once plpgsql's
-- first five custom plans of a statement are past.
\set ON_ERROR_STOP on
load 'auto_explain';
set auto_explain.log_analyze = on;
set auto_explain.log_buffers = on;
set auto_explain.log_timing = on;
set auto_explain.log_nested_statements = on;
set auto_explain.log_level = notice;
set client_min_messages = notice;

\set pay_now 'select * from place_paid_order(''explain-paid-0001'', 4243, timestamptz ''2026-12-07 00:00+00'', ''{43,295}'', ''{169,1178}'', ''{"Product 43","Product 295"}'', ''{"Option 1","Option 2"}'', ''{44000,46500}'', ''{1,1}'', 20996, true, 1000, true, date ''2026-12-07'', md5(''event-1'')::uuid, ''ORDER_PAID'', ''{"orderId":"explain-paid-0001"}'')'
\set pay_pending 'select pay_pending_order(''01a24dcc-d800-7337-8326-e6e9dc720655'', 95001, timestamptz ''2026-12-07 00:00+00'', ''{PENDING_PAYMENT}'', 92350, true, 1000, date ''2026-12-07'', md5(''event-2'')::uuid, ''ORDER_PAID'', ''{"orderId":"01a24dcc-d800-7337-8326-e6e9dc720655"}'')'

set auto_explain.log_min_duration = -1;
begin; :pay_now; rollback;
begin; :pay_pending; rollback;

\echo '### pay now (place_paid_order): nested statements, custom plans'
set auto_explain.log_min_duration = 0;
begin; :pay_now; rollback;
\echo '### pay pending (pay_pending_order): nested statements, custom plans'
begin; :pay_pending; rollback;

set auto_explain.log_min_duration = -1;
set plan_cache_mode = force_generic_plan;
begin; :pay_now; rollback;
begin; :pay_pending; rollback;
set auto_explain.log_min_duration = 0;
\echo '### pay now (place_paid_order): nested statements, generic plans'
begin; :pay_now; rollback;
\echo '### pay pending (pay_pending_order): nested statements, generic plans'
begin; :pay_pending; rollback;
