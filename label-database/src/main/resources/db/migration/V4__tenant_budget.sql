-- Each tenant's budget periods as the router admits requests against them: what was spent and what requests in
-- flight hold. A request is admitted by one conditional update that adds its worst-case cost to the hold only
-- while spent + held + that cost stays within the budget; its answer then moves its real cost from held to
-- spent. Every recorded request adds its cost to the rows that cover its day, budgeted or not, so a row stays
-- true when a tenant's policy changes.

create table tenant_budget (
    tenant               varchar(100) not null,
    -- DAY or MONTH
    period               varchar(10) not null,
    period_start         date not null,
    spent_cost_units     double precision not null,
    held_cost_units      double precision not null,
    primary key (tenant, period, period_start)
);
