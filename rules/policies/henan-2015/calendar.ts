import type { CalendarEntry } from '../../calendar/types'
import { packData } from '../pack-data'

const d = packData('henan-2015')
const MAY_END = { kind: 'yearly', month: 5, day: 'end' } as const
const JUNE_END = { kind: 'yearly', month: 6, day: 'end' } as const
const AUG_END = { kind: 'yearly', month: 8, day: 'end' } as const
const DEC_END = { kind: 'yearly', month: 12, day: 'end' } as const
const A1_DEMAND = '每年5月底前（2015年为8月底前），由县级卫生计生部门、机构编制部门、人力资源和社会保障部门制订当地招聘计划'
const A1_NOTICE = '每年6月底前（2015年为9月20日前），由省卫生计生委制定全省招聘方案'
const A2_DEMAND = '每年5月底前（2015年为8月底前），由县级卫生计生部门、人力资源和社会保障部门制订当地招聘计划'
const A2_NOTICE = '每年6月底前（2015年为9月20日前），招聘方案经省人力资源和社会保障厅审核后'
const A2_FILING = '于每年8月底前（2015年为12月底前）上报至省人力资源和社会保障厅、省卫生计生委备案'
const A9_STEPS = '附件9 三(四)'

/** Deadlines of 豫卫发〔2015〕2号: the notice's year-end summary, 附件1/2 recruitment, 附件8 assessment, 附件9 reports. */
export const HENAN_CALENDAR: CalendarEntry[] = [
  d.entry('reformSummary', '各项方案进展情况年度总结逐级上报', 'office', '县级医改领导小组办公室', DEC_END, '通知 二',
    '每年 12 月底前，县级医改领导小组办公室对各项方案进展情况和意见建议进行总结，逐级上报至省医改领导小组办公室和省卫生计生委'),
  // 2015 had its own recruitment dates; from 2016 the yearly ones apply.
  d.entry('graduateDemand', '医学院校毕业生特招：报送当地招聘计划（需求）', 'office', '县级卫生计生、机构编制、人力资源和社会保障部门', {
    '2015-01-01': [AUG_END, '附件1 二(二)1', A1_DEMAND],
    '2016-01-01': [MAY_END, '附件1 二(二)1', A1_DEMAND],
  }),
  d.entry('graduateNotice', '医学院校毕业生特招：发布全省招聘公告', 'office', '省卫生计生委', {
    '2015-01-01': [{ kind: 'once', date: '2015-09-20' }, '附件1 二(二)3', A1_NOTICE],
    '2016-01-01': [JUNE_END, '附件1 二(二)3', A1_NOTICE],
  }),
  d.entry('graduateFiling', '医学院校毕业生特招：招聘结果备案报告', 'office', '各省辖市、直管县（市）卫生计生部门', DEC_END, '附件1 二(二)8',
    '于每年12月底前上报至省机构编制委员会办公室、省人力资源和社会保障厅、省卫生计生委备案'),
  d.entry('gpDemand', '特岗全科医生：报送当地招聘计划（需求）', 'office', '县级卫生计生、人力资源和社会保障部门', {
    '2015-01-01': [AUG_END, '附件2 三(二)1', A2_DEMAND],
    '2016-01-01': [MAY_END, '附件2 三(二)1', A2_DEMAND],
  }),
  d.entry('gpNotice', '特岗全科医生：发布招聘公告', 'office', '省卫生计生委、省人力资源和社会保障厅', {
    '2015-01-01': [{ kind: 'once', date: '2015-09-20' }, '附件2 三(二)3', A2_NOTICE],
    '2016-01-01': [JUNE_END, '附件2 三(二)3', A2_NOTICE],
  }),
  d.entry('gpFiling', '特岗全科医生：招聘结果备案报告', 'office', '各省辖市、直管县（市）卫生计生部门', {
    '2015-01-01': [DEC_END, '附件2 三(二)7', A2_FILING],
    '2016-01-01': [AUG_END, '附件2 三(二)7', A2_FILING],
  }),
  d.entry('supportAssessment', '对口支援年度考核评估', 'office', '各省辖市、直管县（市）卫生计生行政部门、中医管理部门', DEC_END, '附件8 四(四)',
    '于每年 12 月底前进行年度考核评估'),
  // 附件9's implementation steps are the 2015 start-up; from July 2015 the report is due on every 25th.
  d.entry('redCrossPreparation', '红会送医：省、市志愿服务队筹备就绪，制定具体工作方案', 'redCross', '省、市志愿服务队',
    { kind: 'once', date: '2015-05-31' }, A9_STEPS, '5月下旬，省、市志愿服务队筹备工作就绪，制定好具体工作方案'),
  d.entry('redCrossMatching', '红会送医：志愿服务队与项目县（市）服务单位对接会', 'redCross', '省红会',
    { kind: 'once', date: '2015-05-31' }, A9_STEPS, '5月底，省红会拟召开志愿服务队与项目县（市）服务单位对接会'),
  d.entry('redCrossLaunch', '红会送医：全面启动项目实施工作', 'redCross', '各志愿服务队、省辖市红十字会',
    { kind: 'once', date: '2015-06-20' }, A9_STEPS, '6月20日前，各志愿服务队、省辖市红十字会全面启动项目实施工作'),
  d.entry('monthlyReport', '红会送医：项目开展情况月报', 'redCross', '各志愿服务队、省辖市红十字会（报省红会）', {
    '2015-01-01': [{ kind: 'once', date: '2015-06-25' }, A9_STEPS, '6月25日前将活动情况报省红会组宣部'],
    '2015-07-01': [{ kind: 'monthly', day: 25 }, A9_STEPS, '实行每月的25日报送项目开展情况制度'],
  }),
  d.entry('redCrossProgressMeeting', '红会送医：项目工作推进会（9月份）', 'redCross', '省红会',
    { kind: 'once', date: '2015-09-30', opens: '2015-09-01' }, A9_STEPS, '省红会将在9月份召开项目工作推进会'),
]
