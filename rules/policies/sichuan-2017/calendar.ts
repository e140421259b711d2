import type { CalendarEntry } from '../../calendar/types'
import { packData } from '../pack-data'

const d = packData('sichuan-2017')
const DEC_END = { kind: 'yearly', month: 12, day: 'end' } as const
// "三年内" counted from the 2018-01-01 start of the fixed support relations: by the end of 2020.
const THREE_YEARS_END = { kind: 'once', date: '2020-12-31' } as const

/** Dates 川卫发〔2017〕172号 states or implies: monthly remote teaching, yearly quotas, the 2019 and 2020 milestones. */
export const SICHUAN_CALENDAR: CalendarEntry[] = [
  d.entry('remoteTeaching', '远程示范示教、专题讲座、教学查房、继续教育（每月至少1次）', 'hospital', '支援受援双方',
    { kind: 'monthly', day: 'end' }, '五(六)', '开展远程示范示教、专题讲座、教学查房、继续教育等活动，每月至少开展1次'),
  d.entry('majorDiseaseGuidance', '大病集中诊治指导活动（每年至少2次）', 'supportingHospital', '支援医院', DEC_END, '五(六)',
    '支援医院每年应组织医务人员到受援医院开展至少2次大病集中诊治指导活动'),
  d.entry('fellowships', '选派业务骨干到支援机构临床进修（县级每年不少于2人，中心卫生院不少于1人）', 'receivingHospital', '受援医疗机构',
    DEC_END, '五(六)', '受援医疗机构应每年按需轮流选派主要科室业务骨干到支援机构进行临床进修'),
  d.entry('equipmentTraining', '设备规范使用专门上岗培训完成', 'supportingHospital', '支援机构',
    { kind: 'once', date: '2019-12-31' }, '五(六)', '设备规范使用专门上岗培训应于2019年底前完成'),
  d.entry('fellowshipCoverage', '主要科室业务骨干全覆盖完成进修1次', 'receivingHospital', '受援医疗机构', THREE_YEARS_END, '五(六)',
    '3年内实现主要科室业务骨干全覆盖完成进修1次'),
  d.entry('mentorshipCoverage', '师带徒覆盖主要科室（专业）及人员', 'hospital', '支援受援双方', THREE_YEARS_END, '五(六)',
    '均应确保三年内覆盖主要科室（专业）及人员'),
  d.entry('plans', '“传帮带”三年规划和年度实施计划报省卫生计生委、中医药管理局审核', 'supportingHospital', '支援机构',
    { kind: 'undated', cadence: 'yearly' }, '五(三)', '支援机构将“传帮带”工程三年规划和年度实施计划及时报省卫生计生委、中医药管理局审核'),
]
