-- What a test-free run of each answer showed (core's AnswerProbe: the example calls of its task, no expected value),
-- beside the verdict its tests gave: what the scorer of the no-tests cascade learns from. Null for samples labelled
-- before probes were run.

alter table sample add column probe_kind varchar(16);
alter table sample add column probe_calls integer;
alter table sample add column probe_calls_returned integer;
alter table sample add column probe_millis bigint;
