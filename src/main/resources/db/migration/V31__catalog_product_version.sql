-- The version of what a product shows (its name, price, options, their names and prices): raised
-- by every change of any of them, in the changing transaction, so the product row's lock also
-- serialises concurrent changes of one product. Instances cache definitions and confirm the
-- version in the same statement that reads the live stock.
alter table product add column version bigint not null default 1;
