-- Whether a tenant's routed samples may train the one classifier every tenant is routed by. A tenant chooses its
-- own tests (`assert True` passes the cheapest model), so its verdicts are evidence only when the operator trusts
-- them; every existing tenant starts untrusted.

alter table tenant_policy add column feedback_trusted boolean default false not null;
