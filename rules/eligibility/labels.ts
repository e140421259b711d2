import type { EducationLevel, EmployerKind, EmployerLevel, Licence, Major, ProfileField, Title } from './profile'

/** Chinese names of profile values, for reasons a user reads. */
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  secondary: '中专/高中',
  associate: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
}

export const TITLE_LABELS: Record<Title, string> = {
  none: '无职称',
  junior: '初级职称（住院医师/医师）',
  intermediate: '中级职称（主治医师）',
  associateSenior: '副高级职称（副主任医师）',
  senior: '正高级职称（主任医师）',
}

export const LICENCE_LABELS: Record<Licence, string> = {
  none: '无医师执业资格',
  assistantPhysician: '执业助理医师资格',
  physician: '执业医师资格',
}

export const MAJOR_LABELS: Record<Major, string> = {
  clinical: '临床医学',
  stomatology: '口腔医学',
  tcm: '中医学',
  integrated: '中西医结合',
  preventive: '预防医学',
  nursing: '护理',
  pharmacy: '药学',
  medicalTechnology: '医学技术（检验、影像等）',
  other: '其他专业',
}

export const EMPLOYER_LEVEL_LABELS: Record<EmployerLevel, string> = {
  none: '无工作单位',
  village: '村卫生室',
  township: '乡镇卫生院',
  community: '社区卫生服务机构',
  county: '县级医疗卫生机构',
  city: '市级医疗卫生机构',
  province: '省级医疗卫生机构',
  private: '民营医疗机构',
}

export const EMPLOYER_KIND_LABELS: Record<EmployerKind, string> = {
  general: '综合医院（人民医院）',
  tcm: '中医医院',
  maternalChild: '妇幼保健机构',
  cdc: '疾病预防控制机构',
  supervision: '卫生监督机构',
  other: '其他机构',
}

/** What each profile field asks, so a reply can say which fact is missing. */
export const FIELD_LABELS: Record<ProfileField, string> = {
  birthDate: '出生日期',
  'education.level': '学历层次',
  'education.fullTime': '是否全日制学历',
  'education.medical': '是否医学类专业（医学院校）学历',
  'education.major': '所学专业',
  licence: '执业资格',
  gpRegistered: '执业范围是否注册为全科医学专业',
  gpTrainingCompleted: '是否完成省级认可的全科医生培训并考核合格',
  title: '职称',
  clinicalYears: '从事临床医疗工作年限',
  clinicalWork: '是否已从事临床医疗工作',
  secondaryHospitalExperience: '是否有二级以上医院工作经历',
  'employer.level': '工作单位层级',
  'employer.kind': '工作单位类别',
  'employer.onEstablishment': '是否在编',
  'employer.inPost': '是否在岗',
  retired: '是否已退休',
  leadershipPost: '是否担任院级行政领导职务',
  majorAccidentLast5Years: '五年内是否发生承担主要责任的医疗事故',
}

