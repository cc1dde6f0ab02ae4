-- JIANGXI_QUALITY_2017 v2 (seed 003): the A/B scheme ("'A'类指标必须达标；'B'类指标量化计分，总分100分，90分以上为达标")
-- and the special-room categories of Jiangxi's basic school standard (小学7类、初中9类专用教室). Derived, like v1,
-- from QUALITY_2017 v1 by a merge patch. Evaluations stored under v1 stay as they are; the next evaluation of a
-- Jiangxi county uses v2.
--
-- Which checks are A and which B is configuration; the choice made here (indicator-service README, "Jiangxi A/B"):
-- A (must pass) are the items seed 003 orders checked school by school until "校校达标、项项达标": music and art
-- rooms (G3), school and class size (G4, G5), public funds including training funds (G6, G7, Q4), the
-- pupil-teacher ratio (JX1), junior retention (Q1), enrolment of children with disabilities (Q2), and the
-- special rooms (JX2, "按要求配备"). Every other assurance and quality check is B and scored: 10 points each in
-- assurance (10 checks), 20 or 10 in quality, 100 per part; a part passes with every A passed and 90 points,
-- so at most one B check of 10 points may fail.
insert into rule_set (code, version, name, based_on, based_on_version, jurisdiction_code, document, patch, created_by)
values ('JIANGXI_QUALITY_2017', 2, '江西省县域义务教育优质均衡发展督导评估 (A类必达、B类计分90分以上; R2 按市级以上骨干教师)',
        'QUALITY_2017', 1, '360000', null, $json$
{
 "name": "江西省县域义务教育优质均衡发展督导评估 (A类必达、B类计分90分以上; R2 按市级以上骨干教师)",
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
  {"id": "G1", "points": 10},
  {"id": "G2", "points": 10},
  {"id": "G8", "points": 10},
  {"id": "G9", "points": 10},
  {"id": "G10", "points": 10},
  {"id": "G11", "points": 10},
  {"id": "G12", "points": 10},
  {"id": "G13", "points": 10},
  {"id": "G14", "points": 10},
  {"id": "G15", "points": 10},
  {
   "id": "JX1",
   "name": "生师比 pupil-teacher ratio (江西现场核查表)",
   "type": "PUPIL_TEACHER_RATIO",
   "params": {"maxStudentsPerTeacher": {"PRIMARY": 19, "JUNIOR": 13.5}}
  },
  {
   "id": "JX2",
   "name": "专用教室 special rooms: primary 7 categories, junior 9 (江西省普通中小学基本办学条件标准)",
   "type": "SPECIAL_ROOMS",
   "params": {
    "required": {
     "PRIMARY": ["MUSIC_EQUIPMENT", "PE_EQUIPMENT", "ART_EQUIPMENT", "SCIENCE", "COMPUTER", "MULTIMEDIA", "LIBRARY"],
     "JUNIOR": ["MUSIC_EQUIPMENT", "PE_EQUIPMENT", "ART_EQUIPMENT", "COMPUTER", "MULTIMEDIA", "LIBRARY",
                "PHYSICS_LAB", "CHEMISTRY_LAB", "BIOLOGY_LAB"]
    }
   }
  }
 ],
 "quality": [
  {"id": "Q3", "points": 20},
  {"id": "Q5", "points": 20},
  {"id": "Q6", "points": 20},
  {"id": "Q7", "points": 20},
  {"id": "Q8", "points": 10},
  {"id": "Q9", "points": 10}
 ],
 "scoring": {
  "assurance": {"minimumScore": 90},
  "quality": {"minimumScore": 90}
 }
}
$json$::jsonb, 'flyway');
