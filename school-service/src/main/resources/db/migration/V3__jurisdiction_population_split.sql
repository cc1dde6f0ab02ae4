-- Urban / town / rural resident population (城区 / 镇区 / 乡村) of a county: the survey splits its sample by
-- location in proportion to it (evaluation-standards.md §5). Optional: all three or none, adding up to the total.
alter table jurisdiction
    add column urban_population bigint check (urban_population >= 0),
    add column town_population  bigint check (town_population >= 0),
    add column rural_population bigint check (rural_population >= 0),
    add constraint jurisdiction_population_split_all_or_none check (
        (urban_population is null and town_population is null and rural_population is null)
        or (urban_population is not null and town_population is not null and rural_population is not null));
