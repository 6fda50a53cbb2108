-- Finished outcomes of requests sent with an Idempotency-Key, replayed for repeats of the same key.
-- The "in progress" mark is not stored: it is an advisory lock held by the request's transaction.
create table idempotency_record (
    user_id               bigint        not null,
    idempotency_key       varchar(255)  not null,
    request_method        varchar(10)   not null,
    request_path          varchar(2048) not null,
    request_body          text,
    response_status       integer       not null,
    response_content_type varchar(200)  not null,
    response_body         text          not null,
    created_at            timestamptz   not null,
    expires_at            timestamptz   not null,
    primary key (user_id, idempotency_key)
);

create index idx_idempotency_record_expires_at on idempotency_record (expires_at);
