-- What was put into each option's stock, written only by the admin paths: an option's creation
-- (with its product or added later) and restocks. The order path never writes here, so an
-- option's total always equals its receipts minus what its paid orders hold, which the
-- consistency checks reconcile.
create table stock_receipt (
    id          bigint generated always as identity primary key,
    option_id   bigint      not null references product_option (id),
    kind        varchar(10) not null check (kind in ('OPENING', 'CREATED', 'RESTOCKED')),
    quantity    bigint      not null check (quantity >= 0),
    received_at timestamptz not null
);

create index idx_stock_receipt_option on stock_receipt (option_id);

-- Options created before receipts were kept get one opening receipt of what must have been put
-- in: their total plus what their paid orders hold, so books that were consistent stay so.
insert into stock_receipt (option_id, kind, quantity, received_at)
select s.option_id, 'OPENING', s.total + coalesce(p.quantity, 0), now()
  from option_stock s
  left join (select l.option_id, sum(l.quantity) as quantity
               from orders o join order_line l on l.order_id = o.id
              where o.status = 'PAID'
              group by l.option_id) p on p.option_id = s.option_id
 order by s.option_id;
