// Chinese names (with English) of the domain's codes: stages, indicators and their units, statuses, roles.
export const STAGES = { PRIMARY: '小学', JUNIOR: '初中', SENIOR: '高中' };
export const COMPULSORY = ['PRIMARY', 'JUNIOR'];

/** QUALITY_2017 resource indicators (evaluation-standards.md §2.1) and BASIC_2012's B1–B8 (§3). */
export const INDICATORS = {
  R1: { name: '每百名学生拥有高于规定学历教师数', en: 'teachers above required degree /100 students', unit: '人' },
  R2: { name: '每百名学生拥有县级以上骨干教师数', en: 'backbone teachers /100 students', unit: '人' },
  R3: { name: '每百名学生拥有体育艺术专任教师数', en: 'PE & art teachers /100 students', unit: '人' },
  R4: { name: '生均教学及辅助用房面积', en: 'teaching area per student', unit: 'm²' },
  R5: { name: '生均体育运动场馆面积', en: 'sports area per student', unit: 'm²' },
  R6: { name: '生均教学仪器设备值', en: 'equipment value per student', unit: '元' },
  R7: { name: '每百名学生拥有网络多媒体教室数', en: 'multimedia rooms /100 students', unit: '间' },
  B1: { name: '生均教学及辅助用房面积', en: 'teaching area per student', unit: 'm²' },
  B2: { name: '生均体育运动场馆面积', en: 'sports area per student', unit: 'm²' },
  B3: { name: '生均教学仪器设备值', en: 'equipment value per student', unit: '元' },
  B4: { name: '每百名学生拥有计算机台数', en: 'computers /100 students', unit: '台' },
  B5: { name: '生均图书册数', en: 'books per student', unit: '册' },
  B6: { name: '师生比', en: 'teachers per student', unit: '' },
  B7: { name: '生均高于规定学历教师数', en: 'qualified teachers per student', unit: '人' },
  B8: { name: '生均中级及以上职称教师数', en: 'senior-title teachers per student', unit: '人' },
};
export const indicatorName = (code) => (INDICATORS[code] ? code + ' ' + INDICATORS[code].name : code);

export const PARTS = { resources: '资源配置', assurance: '政府保障程度', quality: '教育质量', recognition: '社会认可度',
  vetoes: '一票否决', threshold: '学校达标', governmentWork: '县级政府工作', composite: '综合差异系数', satisfaction: '满意度' };
export const VERDICTS = { PASS: '达标', FAIL: '未达标', INCOMPLETE: '资料不全' };
export const REPORT_STATUS = { DRAFT: '草稿', SUBMITTED: '已提交待审', APPROVED: '已审核' };
export const PROBLEM_STATUS = { OPEN: '待整改', RECTIFYING: '整改中', RECTIFIED: '已整改待核', VERIFIED: '已销号', REOPENED: '重新打开' };
export const PROBLEM_SOURCE = { EVALUATION: '评估发现', INSPECTION: '实地督查', SURVEY: '满意度调查', OBJECTION: '公示异议', MANUAL: '人工录入' };
export const REVIEW_STAGES = { SELF_EVALUATION: '县级自评', CITY_REVIEW: '市级复核', PROVINCE_EVALUATION: '省级评估',
  PUBLICATION: '公示', RECOGNISED: '认定通过', NOT_RECOGNISED: '未通过认定' };
export const GROUPS = { STUDENT: '学生', PARENT: '家长', TEACHER: '教师', PRINCIPAL: '校长', NPC_DEPUTY: '人大代表',
  CPPCC_MEMBER: '政协委员', PUBLIC: '社会人士' };
export const LOCATIONS = { URBAN: '城区', TOWN: '镇区', RURAL: '乡村' };
export const SCHOOL_TYPES = { PRIMARY: '小学', JUNIOR: '初中', NINE_YEAR: '九年一贯制', TWELVE_YEAR: '十二年一贯制',
  COMPLETE_MIDDLE: '完全中学', SPECIAL_EDUCATION: '特殊教育学校', TEACHING_POINT: '教学点' };
export const ROLES = { SYSTEM_ADMIN: '系统管理员', PROVINCE_ADMIN: '省级管理员', REVIEWER: '督学', COUNTY_ADMIN: '县级管理员',
  DEPARTMENT: '责任单位', SCHOOL_REPORTER: '学校填报员', VIEWER: '查看者', INTEGRATION: '系统对接' };
export const TARGET_KINDS = { COMPLIANT_SCHOOL_SHARE: '达标学校占比', LARGE_CLASS_SHARE: '大班额占比', SUPER_LARGE_CLASSES: '超大班额数',
  INDICATOR_CV: '差异系数', INDICATOR_VALUE: '指标县域值', RECOGNITION_RATE: '社会认可度', VERDICT: '评估结论' };
export const lbl = (map, code) => (code === undefined || code === null ? '—' : (map[code] ? map[code] + ' ' + code : code));

/** The annual report's fields: JSON path, Chinese name, unit (the import template's names). */
export const TEACHER_FIELDS = [
  ['fullTime', '专任教师数', '人'], ['aboveRequiredDegree', '高于规定学历教师数', '人'],
  ['backboneCountyOrAbove', '县级以上骨干教师数', '人'], ['backboneCityOrAbove', '市级以上骨干教师数', '人'],
  ['peArtMusic', '体育艺术(美术、音乐)专任教师数', '人'], ['intermediateTitleOrAbove', '中级及以上职称教师数', '人'],
  ['certified', '持教师资格证专任教师数', '人'], ['training360Completed', '完成五年360学时培训教师数', '人'],
  ['rotationEligible', '应交流轮岗教师数', '人'], ['rotated', '交流轮岗教师数', '人'], ['rotatedBackbone', '交流轮岗骨干教师数', '人'],
];
export const FACILITY_FIELDS = [
  ['teachingAuxAreaM2', '教学及辅助用房面积', 'm²', 'number'], ['sportsAreaM2', '体育运动场馆面积', 'm²', 'number'],
  ['equipmentValueYuan', '教学仪器设备值', '元', 'number'], ['multimediaClassrooms', '网络多媒体教室数', '间', 'int'],
  ['computers', '计算机台数', '台', 'int'], ['books', '图书册数', '册', 'int'],
  ['musicRoomAreasM2', '音乐专用教室面积(每间, 分号分隔)', 'm²', 'list'], ['artRoomAreasM2', '美术专用教室面积(每间, 分号分隔)', 'm²', 'list'],
];
export const FUNDING_FIELDS = [['publicFundsBudgetYuan', '公用经费预算', '元'], ['teacherTrainingFundsYuan', '教师培训经费', '元']];

/** County-level inputs (indicator-service FindingCatalogue): yes/no findings, figures with units, vetoes. */
export const FINDINGS = {
  G1: '规划布局合理', 'G2.construction': '城乡统一学校建设标准', 'G2.staffing': '城乡统一教职工编制标准',
  'G2.funding': '城乡统一生均公用经费基准定额', 'G2.equipment': '城乡统一基本装备配置标准',
  G10: '统筹分配各校教职工编制和岗位数量', 'G15.care': '留守儿童关爱体系健全', Q3: '学校章程，管理与教学信息化',
  Q5: '信息化教学，设施设备利用率高', Q6: '德育与校园文化建设良好', Q7: '课程开齐开足，综合实践活动',
  Q8: '学生课业负担不过重', 'BASIC.threshold': '每所学校达到省定办学基本标准',
};
/** figure → [Chinese name, unit ('比例' = a fraction 0–1)]. */
export const FIGURES = {
  teacherAveragePayYuan: ['教师平均工资收入', '元'], civilServantAveragePayYuan: ['当地公务员平均工资收入', '元'],
  zonedEnrolmentPrimaryRate: ['小学就近划片入学比例', '比例'], zonedEnrolmentJuniorRate: ['初中就近划片入学比例', '比例'],
  highSchoolQuotaShare: ['优质高中招生名额分配到校比例', '比例'], migrantChildrenPublicShare: ['随迁子女在公办学校就读比例', '比例'],
  disabledEnrolmentRate: ['残疾儿童少年入学率', '比例'], publicFundsStandardPrimaryYuan: ['小学生均公用经费基准定额', '元'],
  publicFundsStandardJuniorYuan: ['初中生均公用经费基准定额', '元'], governmentWorkScore: ['县级政府工作评分', '分'],
  governmentWorkScoreGuarantee: ['政府工作：保障机制', '分'], governmentWorkScoreEnrolment: ['政府工作：入学机会', '分'],
  governmentWorkScoreTeachers: ['政府工作：教师队伍', '分'], governmentWorkScoreQuality: ['政府工作：质量与管理', '分'],
  primaryRetentionRate: ['小学六年巩固率', '比例'], highSchoolQuotaRuralShare: ['指标到校名额中农村初中的比例', '比例'],
  ruralJuniorGraduateShare: ['农村初中毕业生占比', '比例'], disabledPupilsSpecialSchools: ['特教学校在校残疾学生数', '人'],
  disabledPupilsRegularClasses: ['随班就读残疾学生数', '人'], disabledPupilsHomeTeaching: ['送教上门残疾学生数', '人'],
  disabledPupilFundsYuan: ['残疾学生生均公用经费总额', '元'],
};
export const VETOES = {
  EXAM_ADMISSION: '以考试方式招生', ILLEGAL_SCHOOL_CHOICE: '违规择校', KEY_SCHOOLS_OR_CLASSES: '设置重点学校或重点班',
  UNFILLED_POSTS: '有空编不补、长期聘用编外教师', MAJOR_SAFETY_ACCIDENT: '发生重大安全责任事故',
  SERIOUS_VIOLATION: '发生严重违规违纪事件', FALSIFIED_DATA: '弄虚作假', WEAK_SCHOOL_RENOVATION_INCOMPLETE: '薄弱学校改造未完成',
  DISABLED_ENROLMENT_BELOW_STANDARD: '残疾儿童少年入学率未达标', THREE_GROWTHS_MISSED: '未实现教育经费“三个增长”',
};
export const RETENTION = [['grade7Intake', '初一入学人数'], ['deaths', '死亡人数'], ['graduates', '初三毕业人数'],
  ['transfersIn', '转入人数'], ['transfersOut', '转出人数']];
