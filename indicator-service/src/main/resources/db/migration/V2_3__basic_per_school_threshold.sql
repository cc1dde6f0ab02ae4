-- BASIC_2012 v2 as seed 000 states it: the threshold is a score per school on the province's basic school
-- standard ("每所学校都要达85以上"; findings.schoolScores), not one county yes/no; the government work score is the
-- sum of its four areas (保障机制, 入学机会, 教师队伍, 质量与管理; figures.governmentWorkScore*), at least 85 of 100.
-- Stored as a merge patch on BASIC_2012 v1 (based on itself: the set keeps no basedOn); v1 stays stored.
insert into rule_set (code, version, name, based_on, based_on_version, jurisdiction_code, document, patch, created_by)
values ('BASIC_2012', 2, '县域义务教育发展基本均衡督导评估 (教督〔2012〕3号)', 'BASIC_2012', 1, null, null, $json$
{
 "assurance": [
  {
   "id": "BS0",
   "name": "每所学校达到省定办学基本标准(85分以上) every school scores at least 85 on the provincial basic standard",
   "type": "SCHOOL_SCORES",
   "params": {"findings": null, "minimumScore": 85}
  },
  {
   "id": "BS1",
   "name": "县级人民政府推进义务教育均衡发展工作评估得分≥85(保障机制、入学机会、教师队伍、质量与管理) government work score in four areas",
   "type": "GOVERNMENT_WORK_SCORE",
   "params": {"minimums": null, "minimumScore": 85}
  }
 ]
}
$json$::jsonb, 'flyway');
