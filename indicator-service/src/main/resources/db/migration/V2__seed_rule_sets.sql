-- The national rule sets and the Jiangxi variant as versioned data (documents: io.balance.indicator.ruleset.RuleSet).

-- Generated once from the spec (evaluation-standards.md §2-§4); later changes are new versions, never edits.

insert into rule_set (code, version, name, based_on, jurisdiction_code, document, created_by) values ('QUALITY_2017', 1, '县域义务教育优质均衡发展督导评估 (教督〔2017〕6号)', null, null, $json$
{
 "code": "QUALITY_2017",
 "version": 1,
 "name": "县域义务教育优质均衡发展督导评估 (教督〔2017〕6号)",
 "kind": "QUALITY",
 "stages": [
  "PRIMARY",
  "JUNIOR"
 ],
 "exclusions": {
  "schoolTypes": [
   "SPECIAL_EDUCATION"
  ],
  "teachingPointMinStudents": 50
 },
 "apportioning": {
  "NINE_YEAR": {
   "PRIMARY": 1.0,
   "JUNIOR": 1.1
  },
  "COMPLETE_MIDDLE": {
   "JUNIOR": 1.0,
   "SENIOR": 1.2
  },
  "TWELVE_YEAR": {
   "PRIMARY": 1.0,
   "JUNIOR": 1.1,
   "SENIOR": 1.32
  }
 },
 "resources": {
  "indicators": [
   {
    "id": "R1",
    "name": "每百名学生拥有高于规定学历教师数 teachers above required degree per 100 students",
    "numerator": "teachers.aboveRequiredDegree",
    "per": 100,
    "apportioned": false,
    "unit": "teachers",
    "standards": {
     "PRIMARY": 4.2,
     "JUNIOR": 5.3
    }
   },
   {
    "id": "R2",
    "name": "每百名学生拥有县级以上骨干教师数 county-level-or-above backbone teachers per 100 students",
    "numerator": "teachers.backboneCountyOrAbove",
    "per": 100,
    "apportioned": false,
    "unit": "teachers",
    "standards": {
     "PRIMARY": 1.0,
     "JUNIOR": 1.0
    }
   },
   {
    "id": "R3",
    "name": "每百名学生拥有体育、艺术专任教师数 PE and art teachers per 100 students",
    "numerator": "teachers.peArtMusic",
    "per": 100,
    "apportioned": false,
    "unit": "teachers",
    "standards": {
     "PRIMARY": 0.9,
     "JUNIOR": 0.9
    }
   },
   {
    "id": "R4",
    "name": "生均教学及辅助用房面积 teaching and auxiliary area per student",
    "numerator": "facilities.teachingAuxAreaM2",
    "per": 1,
    "apportioned": true,
    "unit": "m2",
    "standards": {
     "PRIMARY": 4.5,
     "JUNIOR": 5.8
    }
   },
   {
    "id": "R5",
    "name": "生均体育运动场馆面积 sports area per student",
    "numerator": "facilities.sportsAreaM2",
    "per": 1,
    "apportioned": true,
    "unit": "m2",
    "standards": {
     "PRIMARY": 7.5,
     "JUNIOR": 10.2
    }
   },
   {
    "id": "R6",
    "name": "生均教学仪器设备值 teaching equipment value per student",
    "numerator": "facilities.equipmentValueYuan",
    "per": 1,
    "apportioned": true,
    "unit": "yuan",
    "standards": {
     "PRIMARY": 2000,
     "JUNIOR": 2500
    }
   },
   {
    "id": "R7",
    "name": "每百名学生拥有网络多媒体教室数 networked multimedia classrooms per 100 students",
    "numerator": "facilities.multimediaClassrooms",
    "per": 100,
    "apportioned": true,
    "unit": "rooms",
    "standards": {
     "PRIMARY": 2.3,
     "JUNIOR": 2.4
    }
   }
  ],
  "schoolRule": {
   "minimumMet": 6,
   "floorRatio": 0.85
  },
  "cv": {
   "mode": "EACH",
   "limits": {
    "PRIMARY": 0.5,
    "JUNIOR": 0.45
   },
   "strict": false
  }
 },
 "assurance": [
  {
   "id": "G1",
   "name": "规划布局合理 school layout is reasonable",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G1"
    ]
   }
  },
  {
   "id": "G2",
   "name": "城乡学校四统一 one urban-rural standard for construction, staffing, funding, equipment",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G2.construction",
     "G2.staffing",
     "G2.funding",
     "G2.equipment"
    ]
   }
  },
  {
   "id": "G3",
   "name": "每12个班级配备音乐、美术专用教室1间以上 music and art rooms per 12 classes",
   "type": "MUSIC_ART_ROOMS",
   "params": {
    "classesPerRoom": 12,
    "musicRoomMinM2": 96,
    "artRoomMinM2": 90
   }
  },
  {
   "id": "G4",
   "name": "学校规模 school size",
   "type": "SCHOOL_SIZE",
   "params": {
    "limits": {
     "PRIMARY": 2000,
     "JUNIOR": 2000,
     "COMPLETE_MIDDLE": 2000,
     "TEACHING_POINT": 2000,
     "NINE_YEAR": 2500,
     "TWELVE_YEAR": 2500
    }
   }
  },
  {
   "id": "G5",
   "name": "班额 class size",
   "type": "CLASS_SIZE",
   "params": {
    "limits": {
     "PRIMARY": 45,
     "JUNIOR": 50
    }
   }
  },
  {
   "id": "G6",
   "name": "不足100名学生的村小学和教学点按100名学生核定公用经费 small rural schools funded as 100 students",
   "type": "SMALL_SCHOOL_FUNDING",
   "params": {
    "studentsBelow": 100,
    "fundedAsStudents": 100
   }
  },
  {
   "id": "G7",
   "name": "特殊教育学校生均公用经费不低于6000元 special-education per-student funds",
   "type": "SPECIAL_EDUCATION_FUNDING",
   "params": {
    "minimumPerStudentYuan": 6000
   }
  },
  {
   "id": "G8",
   "name": "教师平均工资收入水平不低于当地公务员 teacher pay at least civil-servant pay",
   "type": "INPUTS",
   "params": {
    "comparisons": [
     {
      "figure": "teacherAveragePayYuan",
      "atLeast": "civilServantAveragePayYuan"
     }
    ]
   }
  },
  {
   "id": "G9",
   "name": "教师5年360学时培训完成率达到100% 360-hour training completion",
   "type": "TEACHER_SHARE",
   "params": {
    "numerator": "training360Completed",
    "minimum": 1.0
   }
  },
  {
   "id": "G10",
   "name": "统筹分配各校教职工编制和岗位数量 county allocates staffing quotas",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G10"
    ]
   }
  },
  {
   "id": "G11",
   "name": "交流轮岗教师比例不低于10%，骨干教师不低于20% teacher rotation",
   "type": "ROTATION",
   "params": {
    "minimumRotatedShare": 0.1,
    "minimumBackboneShare": 0.2
   }
  },
  {
   "id": "G12",
   "name": "专任教师持有教师资格证上岗率达到100% teacher certificates",
   "type": "TEACHER_SHARE",
   "params": {
    "numerator": "certified",
    "minimum": 1.0
   }
  },
  {
   "id": "G13",
   "name": "就近划片入学比例 zoned nearby enrolment",
   "type": "INPUTS",
   "params": {
    "minimums": {
     "zonedEnrolmentPrimaryRate": 1.0,
     "zonedEnrolmentJuniorRate": 0.95
    }
   }
  },
  {
   "id": "G14",
   "name": "优质高中招生名额分配比例不低于50% quality high-school quota to junior schools",
   "type": "INPUTS",
   "params": {
    "minimums": {
     "highSchoolQuotaShare": 0.5
    }
   }
  },
  {
   "id": "G15",
   "name": "留守儿童关爱体系健全，随迁子女在公办学校比例不低于85% left-behind care and migrant children",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G15.care"
    ],
    "minimums": {
     "migrantChildrenPublicShare": 0.85
    }
   }
  }
 ],
 "quality": [
  {
   "id": "Q1",
   "name": "初中三年巩固率达到95%以上 junior three-year retention",
   "type": "RETENTION",
   "params": {
    "minimum": 0.95
   }
  },
  {
   "id": "Q2",
   "name": "残疾儿童少年入学率达到95%以上 enrolment of children with disabilities",
   "type": "INPUTS",
   "params": {
    "minimums": {
     "disabledEnrolmentRate": 0.95
    }
   }
  },
  {
   "id": "Q3",
   "name": "学校章程，管理与教学信息化 charters and digital management",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q3"
    ]
   }
  },
  {
   "id": "Q4",
   "name": "教师培训经费不低于公用经费预算总额的5% teacher training funds",
   "type": "TRAINING_FUNDS",
   "params": {
    "minimumShare": 0.05
   }
  },
  {
   "id": "Q5",
   "name": "信息化教学与设施设备使用 digital teaching, equipment used",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q5"
    ]
   }
  },
  {
   "id": "Q6",
   "name": "德育与校园文化建设 moral education and campus culture",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q6"
    ]
   }
  },
  {
   "id": "Q7",
   "name": "课程开齐开足 full curriculum and practical activities",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q7"
    ]
   }
  },
  {
   "id": "Q8",
   "name": "无过重课业负担 no excessive workload",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q8"
    ]
   }
  },
  {
   "id": "Q9",
   "name": "国家义务教育质量监测达到Ⅲ级以上且校际差异率低于0.15 national quality monitoring",
   "type": "MONITORING",
   "params": {
    "minimumLevel": 3,
    "differenceRateBelow": 0.15
   }
  }
 ],
 "recognition": {
  "minimumRate": 0.85,
  "minimumValidReturnRate": 0.7,
  "requireClosed": true
 },
 "vetoes": [
  "EXAM_ADMISSION",
  "ILLEGAL_SCHOOL_CHOICE",
  "KEY_SCHOOLS_OR_CLASSES",
  "UNFILLED_POSTS",
  "MAJOR_SAFETY_ACCIDENT",
  "SERIOUS_VIOLATION",
  "FALSIFIED_DATA"
 ],
 "classSizes": {
  "largeClassMin": 56,
  "superLargeClassMin": 66
 }
}
$json$::jsonb, 'flyway');

insert into rule_set (code, version, name, based_on, jurisdiction_code, document, created_by) values ('BASIC_2012', 1, '县域义务教育发展基本均衡督导评估 (教督〔2012〕3号)', null, null, $json$
{
 "code": "BASIC_2012",
 "version": 1,
 "name": "县域义务教育发展基本均衡督导评估 (教督〔2012〕3号)",
 "kind": "BASIC",
 "stages": [
  "PRIMARY",
  "JUNIOR"
 ],
 "exclusions": {
  "schoolTypes": [
   "SPECIAL_EDUCATION"
  ],
  "teachingPointMinStudents": 50
 },
 "apportioning": {
  "NINE_YEAR": {
   "PRIMARY": 1.0,
   "JUNIOR": 1.1
  },
  "COMPLETE_MIDDLE": {
   "JUNIOR": 1.0,
   "SENIOR": 1.2
  },
  "TWELVE_YEAR": {
   "PRIMARY": 1.0,
   "JUNIOR": 1.1,
   "SENIOR": 1.32
  }
 },
 "resources": {
  "indicators": [
   {
    "id": "B1",
    "name": "生均教学及辅助用房面积 teaching and auxiliary area per student",
    "numerator": "facilities.teachingAuxAreaM2",
    "per": 1,
    "apportioned": true,
    "unit": "m2"
   },
   {
    "id": "B2",
    "name": "生均体育运动场馆面积 sports area per student",
    "numerator": "facilities.sportsAreaM2",
    "per": 1,
    "apportioned": true,
    "unit": "m2"
   },
   {
    "id": "B3",
    "name": "生均教学仪器设备值 equipment value per student",
    "numerator": "facilities.equipmentValueYuan",
    "per": 1,
    "apportioned": true,
    "unit": "yuan"
   },
   {
    "id": "B4",
    "name": "每百名学生拥有计算机台数 computers per 100 students",
    "numerator": "facilities.computers",
    "per": 100,
    "apportioned": true,
    "unit": "computers"
   },
   {
    "id": "B5",
    "name": "生均图书册数 books per student",
    "numerator": "facilities.books",
    "per": 1,
    "apportioned": true,
    "unit": "books"
   },
   {
    "id": "B6",
    "name": "师生比 full-time teachers (per 100 students; the CV does not depend on the scale)",
    "numerator": "teachers.fullTime",
    "per": 100,
    "apportioned": false,
    "unit": "teachers"
   },
   {
    "id": "B7",
    "name": "生均高于规定学历教师数 teachers above required degree (per 100 students)",
    "numerator": "teachers.aboveRequiredDegree",
    "per": 100,
    "apportioned": false,
    "unit": "teachers"
   },
   {
    "id": "B8",
    "name": "生均中级及以上专业技术职务教师数 teachers with intermediate title or above (per 100 students)",
    "numerator": "teachers.intermediateTitleOrAbove",
    "per": 100,
    "apportioned": false,
    "unit": "teachers"
   }
  ],
  "cv": {
   "mode": "COMPOSITE",
   "limits": {
    "PRIMARY": 0.65,
    "JUNIOR": 0.55
   },
   "strict": true
  }
 },
 "assurance": [
  {
   "id": "BS0",
   "name": "每所学校达到省定办学基本标准 every school meets the provincial basic standard (threshold)",
   "type": "INPUTS",
   "params": {
    "findings": [
     "BASIC.threshold"
    ]
   }
  },
  {
   "id": "BS1",
   "name": "县级人民政府推进义务教育均衡发展工作评估得分≥85 government work score",
   "type": "INPUTS",
   "params": {
    "minimums": {
     "governmentWorkScore": 85
    }
   }
  }
 ],
 "quality": [],
 "recognition": {
  "minimumRate": 0.85,
  "minimumValidReturnRate": 0.7,
  "requireClosed": true
 },
 "vetoes": [
  "WEAK_SCHOOL_RENOVATION_INCOMPLETE",
  "DISABLED_ENROLMENT_BELOW_STANDARD",
  "THREE_GROWTHS_MISSED",
  "MAJOR_SAFETY_ACCIDENT",
  "SERIOUS_VIOLATION",
  "FALSIFIED_DATA"
 ],
 "classSizes": {
  "largeClassMin": 56,
  "superLargeClassMin": 66
 }
}
$json$::jsonb, 'flyway');

insert into rule_set (code, version, name, based_on, jurisdiction_code, document, created_by) values ('JIANGXI_QUALITY_2017', 1, '江西省县域义务教育优质均衡发展督导评估 (R2 按市级以上骨干教师)', 'QUALITY_2017', '360000', $json$
{
 "code": "JIANGXI_QUALITY_2017",
 "version": 1,
 "name": "江西省县域义务教育优质均衡发展督导评估 (R2 按市级以上骨干教师)",
 "kind": "QUALITY",
 "stages": [
  "PRIMARY",
  "JUNIOR"
 ],
 "exclusions": {
  "schoolTypes": [
   "SPECIAL_EDUCATION"
  ],
  "teachingPointMinStudents": 50
 },
 "apportioning": {
  "NINE_YEAR": {
   "PRIMARY": 1.0,
   "JUNIOR": 1.1
  },
  "COMPLETE_MIDDLE": {
   "JUNIOR": 1.0,
   "SENIOR": 1.2
  },
  "TWELVE_YEAR": {
   "PRIMARY": 1.0,
   "JUNIOR": 1.1,
   "SENIOR": 1.32
  }
 },
 "resources": {
  "indicators": [
   {
    "id": "R1",
    "name": "每百名学生拥有高于规定学历教师数 teachers above required degree per 100 students",
    "numerator": "teachers.aboveRequiredDegree",
    "per": 100,
    "apportioned": false,
    "unit": "teachers",
    "standards": {
     "PRIMARY": 4.2,
     "JUNIOR": 5.3
    }
   },
   {
    "id": "R2",
    "name": "每百名学生拥有市级以上骨干教师数 city-level-or-above backbone teachers per 100 students",
    "numerator": "teachers.backboneCityOrAbove",
    "per": 100,
    "apportioned": false,
    "unit": "teachers",
    "standards": {
     "PRIMARY": 1.0,
     "JUNIOR": 1.0
    }
   },
   {
    "id": "R3",
    "name": "每百名学生拥有体育、艺术专任教师数 PE and art teachers per 100 students",
    "numerator": "teachers.peArtMusic",
    "per": 100,
    "apportioned": false,
    "unit": "teachers",
    "standards": {
     "PRIMARY": 0.9,
     "JUNIOR": 0.9
    }
   },
   {
    "id": "R4",
    "name": "生均教学及辅助用房面积 teaching and auxiliary area per student",
    "numerator": "facilities.teachingAuxAreaM2",
    "per": 1,
    "apportioned": true,
    "unit": "m2",
    "standards": {
     "PRIMARY": 4.5,
     "JUNIOR": 5.8
    }
   },
   {
    "id": "R5",
    "name": "生均体育运动场馆面积 sports area per student",
    "numerator": "facilities.sportsAreaM2",
    "per": 1,
    "apportioned": true,
    "unit": "m2",
    "standards": {
     "PRIMARY": 7.5,
     "JUNIOR": 10.2
    }
   },
   {
    "id": "R6",
    "name": "生均教学仪器设备值 teaching equipment value per student",
    "numerator": "facilities.equipmentValueYuan",
    "per": 1,
    "apportioned": true,
    "unit": "yuan",
    "standards": {
     "PRIMARY": 2000,
     "JUNIOR": 2500
    }
   },
   {
    "id": "R7",
    "name": "每百名学生拥有网络多媒体教室数 networked multimedia classrooms per 100 students",
    "numerator": "facilities.multimediaClassrooms",
    "per": 100,
    "apportioned": true,
    "unit": "rooms",
    "standards": {
     "PRIMARY": 2.3,
     "JUNIOR": 2.4
    }
   }
  ],
  "schoolRule": {
   "minimumMet": 6,
   "floorRatio": 0.85
  },
  "cv": {
   "mode": "EACH",
   "limits": {
    "PRIMARY": 0.5,
    "JUNIOR": 0.45
   },
   "strict": false
  }
 },
 "assurance": [
  {
   "id": "G1",
   "name": "规划布局合理 school layout is reasonable",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G1"
    ]
   }
  },
  {
   "id": "G2",
   "name": "城乡学校四统一 one urban-rural standard for construction, staffing, funding, equipment",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G2.construction",
     "G2.staffing",
     "G2.funding",
     "G2.equipment"
    ]
   }
  },
  {
   "id": "G3",
   "name": "每12个班级配备音乐、美术专用教室1间以上 music and art rooms per 12 classes",
   "type": "MUSIC_ART_ROOMS",
   "params": {
    "classesPerRoom": 12,
    "musicRoomMinM2": 96,
    "artRoomMinM2": 90
   }
  },
  {
   "id": "G4",
   "name": "学校规模 school size",
   "type": "SCHOOL_SIZE",
   "params": {
    "limits": {
     "PRIMARY": 2000,
     "JUNIOR": 2000,
     "COMPLETE_MIDDLE": 2000,
     "TEACHING_POINT": 2000,
     "NINE_YEAR": 2500,
     "TWELVE_YEAR": 2500
    }
   }
  },
  {
   "id": "G5",
   "name": "班额 class size",
   "type": "CLASS_SIZE",
   "params": {
    "limits": {
     "PRIMARY": 45,
     "JUNIOR": 50
    }
   }
  },
  {
   "id": "G6",
   "name": "不足100名学生的村小学和教学点按100名学生核定公用经费 small rural schools funded as 100 students",
   "type": "SMALL_SCHOOL_FUNDING",
   "params": {
    "studentsBelow": 100,
    "fundedAsStudents": 100
   }
  },
  {
   "id": "G7",
   "name": "特殊教育学校生均公用经费不低于6000元 special-education per-student funds",
   "type": "SPECIAL_EDUCATION_FUNDING",
   "params": {
    "minimumPerStudentYuan": 6000
   }
  },
  {
   "id": "G8",
   "name": "教师平均工资收入水平不低于当地公务员 teacher pay at least civil-servant pay",
   "type": "INPUTS",
   "params": {
    "comparisons": [
     {
      "figure": "teacherAveragePayYuan",
      "atLeast": "civilServantAveragePayYuan"
     }
    ]
   }
  },
  {
   "id": "G9",
   "name": "教师5年360学时培训完成率达到100% 360-hour training completion",
   "type": "TEACHER_SHARE",
   "params": {
    "numerator": "training360Completed",
    "minimum": 1.0
   }
  },
  {
   "id": "G10",
   "name": "统筹分配各校教职工编制和岗位数量 county allocates staffing quotas",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G10"
    ]
   }
  },
  {
   "id": "G11",
   "name": "交流轮岗教师比例不低于10%，骨干教师不低于20% teacher rotation",
   "type": "ROTATION",
   "params": {
    "minimumRotatedShare": 0.1,
    "minimumBackboneShare": 0.2
   }
  },
  {
   "id": "G12",
   "name": "专任教师持有教师资格证上岗率达到100% teacher certificates",
   "type": "TEACHER_SHARE",
   "params": {
    "numerator": "certified",
    "minimum": 1.0
   }
  },
  {
   "id": "G13",
   "name": "就近划片入学比例 zoned nearby enrolment",
   "type": "INPUTS",
   "params": {
    "minimums": {
     "zonedEnrolmentPrimaryRate": 1.0,
     "zonedEnrolmentJuniorRate": 0.95
    }
   }
  },
  {
   "id": "G14",
   "name": "优质高中招生名额分配比例不低于50% quality high-school quota to junior schools",
   "type": "INPUTS",
   "params": {
    "minimums": {
     "highSchoolQuotaShare": 0.5
    }
   }
  },
  {
   "id": "G15",
   "name": "留守儿童关爱体系健全，随迁子女在公办学校比例不低于85% left-behind care and migrant children",
   "type": "INPUTS",
   "params": {
    "findings": [
     "G15.care"
    ],
    "minimums": {
     "migrantChildrenPublicShare": 0.85
    }
   }
  },
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
 ],
 "quality": [
  {
   "id": "Q1",
   "name": "初中三年巩固率达到95%以上 junior three-year retention",
   "type": "RETENTION",
   "params": {
    "minimum": 0.95
   }
  },
  {
   "id": "Q2",
   "name": "残疾儿童少年入学率达到95%以上 enrolment of children with disabilities",
   "type": "INPUTS",
   "params": {
    "minimums": {
     "disabledEnrolmentRate": 0.95
    }
   }
  },
  {
   "id": "Q3",
   "name": "学校章程，管理与教学信息化 charters and digital management",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q3"
    ]
   }
  },
  {
   "id": "Q4",
   "name": "教师培训经费不低于公用经费预算总额的5% teacher training funds",
   "type": "TRAINING_FUNDS",
   "params": {
    "minimumShare": 0.05
   }
  },
  {
   "id": "Q5",
   "name": "信息化教学与设施设备使用 digital teaching, equipment used",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q5"
    ]
   }
  },
  {
   "id": "Q6",
   "name": "德育与校园文化建设 moral education and campus culture",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q6"
    ]
   }
  },
  {
   "id": "Q7",
   "name": "课程开齐开足 full curriculum and practical activities",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q7"
    ]
   }
  },
  {
   "id": "Q8",
   "name": "无过重课业负担 no excessive workload",
   "type": "INPUTS",
   "params": {
    "findings": [
     "Q8"
    ]
   }
  },
  {
   "id": "Q9",
   "name": "国家义务教育质量监测达到Ⅲ级以上且校际差异率低于0.15 national quality monitoring",
   "type": "MONITORING",
   "params": {
    "minimumLevel": 3,
    "differenceRateBelow": 0.15
   }
  }
 ],
 "recognition": {
  "minimumRate": 0.85,
  "minimumValidReturnRate": 0.7,
  "requireClosed": true
 },
 "vetoes": [
  "EXAM_ADMISSION",
  "ILLEGAL_SCHOOL_CHOICE",
  "KEY_SCHOOLS_OR_CLASSES",
  "UNFILLED_POSTS",
  "MAJOR_SAFETY_ACCIDENT",
  "SERIOUS_VIOLATION",
  "FALSIFIED_DATA"
 ],
 "classSizes": {
  "largeClassMin": 56,
  "superLargeClassMin": 66
 },
 "basedOn": "QUALITY_2017",
 "jurisdictionCode": "360000"
}
$json$::jsonb, 'flyway');
