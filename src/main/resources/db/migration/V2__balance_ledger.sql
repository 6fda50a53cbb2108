-- A user's prepaid balance and its ledger. Every change of user_balance.balance writes one
-- balance_transaction row in the same statement, so balance = sum(amount) at every moment.
create table user_balance (
    user_id    bigint      primary key,
    balance    bigint      not null check (balance >= 0),
    updated_at timestamptz not null
);

create table balance_transaction (
    id            bigint generated always as identity primary key,
    user_id       bigint      not null,
    type          varchar(10) not null check (type in ('CHARGE', 'PAYMENT', 'REFUND')),
    amount        bigint      not null,
    balance_after bigint      not null check (balance_after >= 0),
    order_id      varchar(40),
    created_at    timestamptz not null,
    check ((type = 'PAYMENT' and amount < 0) or (type <> 'PAYMENT' and amount > 0))
);

create index idx_balance_transaction_user on balance_transaction (user_id, id desc);
