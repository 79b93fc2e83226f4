-- How many answers a model may give a tenant's tested request before the cascade moves up the ladder (each verified
-- and charged). Every existing tenant keeps what it had: one.

alter table tenant_policy add column tries_per_model integer default 1 not null;
