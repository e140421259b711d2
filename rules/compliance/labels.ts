import type { ComplianceStatus, DoctorMeasure, ReportMeasure } from './types'

/** The 月报 fields as the form names them, for "needs 月报：…". */
export const REPORT_MEASURE_TEXT: Record<ReportMeasure, string> = {
  fellowsSent: '进修人数',
  remoteSessions: '远程教学（次）',
  newSpecialties: '新建特色专科（个）',
  appropriateTechniques: '培育适宜技术（项）',
  newServices: '新增服务项目（个）',
  urgentNeeds: '解决医疗急需（项）',
  weakLinks: '突破薄弱环节（个）',
  techTeams: '带出技术团队（支）',
}

export const DOCTOR_MEASURE_TEXT: Record<DoctorMeasure, string> = {
  outpatientHalfDays: '出门诊（个半天）',
  teachingRounds: '教学查房（次）',
  clinicalTeaching: '科内临床教学（次）',
}

export const STATUS_TEXT: Record<ComplianceStatus, string> = {
  failed: '未达标',
  unknown: '无法判断',
  pending: '进行中',
  notJudged: '不判定',
  passed: '达标',
}

export const STATUS_TEXT_EN: Record<ComplianceStatus, string> = {
  failed: 'short',
  unknown: 'unknown',
  pending: 'in progress',
  notJudged: 'not judged',
  passed: 'holds',
}

/** Facts the roster or attendance gives, as "needs …" names them. */
export const NEEDS = {
  role: '岗位类别（人员表“岗位”列）',
  apprentices: '帮带对象人数（派驻表“帮带对象”列）',
  staffCount: '专业技术人员数（单位表“专业技术人员数”列）',
  attendance: '本月考勤',
  cycle: '对口支援关系的起止日期',
} as const
