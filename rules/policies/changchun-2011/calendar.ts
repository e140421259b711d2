import type { CalendarEntry } from '../../calendar/types'
import { packData } from '../pack-data'

const d = packData('changchun-2011')
const STEPS = '附件 三(二)'

/** 三(二) 项目步骤: the 2011 start-up stages; later reporting is "及时" without dates. */
export const CHANGCHUN_CALENDAR: CalendarEntry[] = [
  d.entry('supportPlan', '第一阶段：完成支援计划的制订并开始实施', 'supportingHospital', '支援医院',
    { kind: 'once', date: '2011-05-15' }, STEPS, '2011年5月15日前要完成该项目的支援计划的制订并开始付诸实施'),
  d.entry('responsibilityLetters', '第一阶段：完成目标责任书的签订', 'hospital', '支援、受援双方',
    { kind: 'once', date: '2011-05-31' }, STEPS, '在2011年5月底前，完成目标责任书的签订'),
  d.entry('supervisionPlan', '第二阶段：县（市）区卫生局制订督导计划', 'office', '各县（市）区卫生局',
    { kind: 'once', date: '2011-06-20' }, STEPS, '各县（市）区卫生局要在6月20日前制订督导计划'),
  d.entry('firstInspection', '第二阶段：检查项目执行情况并将结果报市卫生局医管处', 'office', '各县（市）区卫生局',
    { kind: 'once', date: '2011-06-30' }, STEPS, '并在6月底前对该项目执行情况进行一次检查，将检查结果报市卫生局医管处'),
  d.entry('cityInspection', '市卫生局自10月份起检查各地工作情况', 'office', '长春市卫生局',
    { kind: 'once', date: '2011-10-01' }, STEPS, '市卫生局将于10月份起对各地工作情况进行检查'),
  d.entry('reporting', '汇总经验、做法和问题，及时上报市卫生局医疗服务监管处', 'office', '各地各单位',
    { kind: 'undated', cadence: 'ongoing' }, '附件 六', '将好的经验、做法或工作中遇到的问题及时上报长春市卫生局医疗服务监管处'),
]
