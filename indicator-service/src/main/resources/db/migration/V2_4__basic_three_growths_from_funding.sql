-- BASIC_2012 v3: the veto "三个增长近三年中有两年存在不达标情况" (seed 000) is computed from the funding figures each
-- year's findings hold (findings.funding), instead of declared: 三个增长 (义务教育法 第四十二条) of each of the
-- evaluation year and the two before it against its previous year; the veto applies when two of the three years
-- miss them. Its check id is the former veto code, so a failing county lists THREE_GROWTHS_MISSED as before.
-- Stored as a merge patch on BASIC_2012 v2 (arrays are replaced whole: vetoes lists the five still declared);
-- v1 and v2 stay stored, with the declared veto.
insert into rule_set (code, version, name, based_on, based_on_version, jurisdiction_code, document, patch, created_by)
values ('BASIC_2012', 3, '县域义务教育发展基本均衡督导评估 (教督〔2012〕3号)', 'BASIC_2012', 2, null, null, $json$
{
 "vetoes": [
  "WEAK_SCHOOL_RENOVATION_INCOMPLETE",
  "DISABLED_ENROLMENT_BELOW_STANDARD",
  "MAJOR_SAFETY_ACCIDENT",
  "SERIOUS_VIOLATION",
  "FALSIFIED_DATA"
 ],
 "vetoChecks": [
  {
   "id": "THREE_GROWTHS_MISSED",
   "name": "三个增长近三年中有两年存在不达标情况 the three growths of education funding missed in two of the last three years",
   "type": "THREE_GROWTHS",
   "params": {"years": 3, "maxMissedYears": 1}
  }
 ]
}
$json$::jsonb, 'flyway');
