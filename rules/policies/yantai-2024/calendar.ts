import type { CalendarEntry } from '../../calendar/types'
import { packData } from '../pack-data'

const d = packData('yantai-2024')

/** 三 实施步骤 and 附件3 四: yearly plan, dispatch deadlines, the 12-20 summary, and the 2026 close-out. */
export const YANTAI_CALENDAR: CalendarEntry[] = [
  d.entry('annualPlan', '以区市为单位明确年度建设机构和内容', 'office', '各区市', { kind: 'yearly', month: 1, day: 'end' }, '三(一)',
    '每年 1 月底前以区市为单位明确年度建设机构和内容'),
  d.entry('firstDispatch', '首批帮扶人员派驻到位', 'supportingHospital', '帮扶单位', { kind: 'yearly', month: 4, day: 'end' }, '附件3 四(二)',
    '首批帮扶人员应于4月底前派驻到位'),
  d.entry('fullDispatch', '全部帮扶人员派驻到位', 'supportingHospital', '帮扶单位', { kind: 'yearly', month: 6, day: 'end' }, '附件3 四(二)',
    '全部帮扶人员应于6月底前派驻到位'),
  d.entry('yearSummary', '“千名医护进乡村”活动工作总结报送市卫生健康委', 'office', '各区市卫健局及委直各医院',
    { kind: 'yearly', month: 12, day: 20 }, '附件3 四(三)', '各区市卫健局及委直各医院于每年 12 月 20 日前将活动工作总结报送市卫生健康委'),
  d.entry('workstationCoverage', '乡镇卫生院名医基层工作站全覆盖', 'office', '各区市卫健局', { kind: 'once', date: '2024-12-31' },
    '附件3 二(二)', '2024 年年底前，实现乡镇卫生院名医基层工作站全覆盖'),
  d.entry('wrapUp', '三年行动扫尾收官', 'office', '各区市', { kind: 'once', date: '2026-09-30' }, '三(二)', '2026 年 9 月底前扫尾收官'),
  d.entry('finalEvaluation', '对建设成效开展全面评估（2026年10月—11月）', 'office', '市、区市卫生健康行政部门',
    { kind: 'once', date: '2026-11-30', opens: '2026-10-01' }, '三(三)', '2026 年 10 月-11 月，对建设成效开展全面评估'),
  d.entry('agreementFiling', '对口帮扶协议（盖章后扫描）上传城乡医院对口支援信息系统备案', 'hospital', '帮扶单位与受援单位',
    { kind: 'undated', cadence: 'yearly' }, '附件3 四(一)', '对口帮扶协议（盖章后扫描）应按年度上传城乡医院对口支援信息系统备案'),
]
