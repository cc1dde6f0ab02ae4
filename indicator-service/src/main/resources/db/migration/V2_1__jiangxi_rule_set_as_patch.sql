-- A provincial variant is stored as what it changes: a JSON merge patch (io.balance.indicator.ruleset.MergePatch,
-- arrays of objects merged by id) on a pinned version of the set it is based on. The document of such a row is
-- null and is derived when the set is read; rows with a document (the national sets, versions created through
-- the API) are used as they are.
alter table rule_set add column patch jsonb;
alter table rule_set add column based_on_version int;
alter table rule_set alter column document drop not null;
alter table rule_set add constraint rule_set_document_or_patch check (
    document is not null or (patch is not null and based_on is not null and based_on_version is not null));

-- JIANGXI_QUALITY_2017 v1 was a full copy of QUALITY_2017 v1 with three changes (seed 003); it becomes exactly
-- those changes, and derives to the same document (RuleSetDerivationTest checks it against the V2 copy), so
-- no evaluation changes.
update rule_set set document = null, based_on_version = 1, patch = $json$
{
 "name": "江西省县域义务教育优质均衡发展督导评估 (R2 按市级以上骨干教师)",
 "resources": {
  "indicators": [
   {
    "id": "R2",
    "name": "每百名学生拥有市级以上骨干教师数 city-level-or-above backbone teachers per 100 students",
    "numerator": "teachers.backboneCityOrAbove"
   }
  ]
 },
 "assurance": [
  {
   "id": "JX1",
   "name": "生师比 pupil-teacher ratio (江西现场核查表)",
   "type": "PUPIL_TEACHER_RATIO",
   "params": {
    "maxStudentsPerTeacher": {
     "PRIMARY": 19,
     "JUNIOR": 13.5
    }
   }
  }
 ]
}
$json$::jsonb
where code = 'JIANGXI_QUALITY_2017' and version = 1 and based_on = 'QUALITY_2017';
