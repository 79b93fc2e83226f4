-- Each routed request whose usage is recorded, by its id: the router records a request's usage, samples and budget
-- settlement in one transaction that starts by inserting this row, and a retry of a transaction that did commit
-- (its acknowledgement lost with the connection) finds the row and adds nothing, so no request is charged twice.
-- A retry comes within minutes (complexitynet.retry.max-duration); the router deletes rows older than
-- router.ledger.request-retention.

create table routed_request (
    request_id   varchar(64) primary key,
    tenant       varchar(100) not null,
    recorded_at  timestamp with time zone not null
);
create index routed_request_recorded_at on routed_request (recorded_at);
