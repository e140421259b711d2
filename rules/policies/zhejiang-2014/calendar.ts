import type { CalendarEntry } from '../../calendar/types'
import { packData } from '../pack-data'

const d = packData('zhejiang-2014')
const YEAR_END = { kind: 'yearly', month: 12, day: 'end' } as const

/** 四(一) agreements and 四(三) 评估考核: the yearly self-assessment and the province's fourth-quarter evaluation. */
export const ZHEJIANG_CALENDAR: CalendarEntry[] = [
  d.entry('agreements', '重新或补充签订3年帮扶协议，并将一份报送省卫生计生委对口支援办公室', 'hospital', '省级医院及各市', {
    '2014-01-01': [{ kind: 'once', date: '2014-02-15' }, '四(一)', '省级医院及各市于2014年2月15日之前自行与受援医院重新或补充签订3年帮扶协议'],
  }),
  d.entry('selfAssessment', '支援和受援医院年底自评', 'hospital', '支援和受援医院', YEAR_END, '四(三)1', '支援和受援医院每年的年底进行自评'),
  d.entry('provinceEvaluation', '省卫生计生委年度评估（第四季度）', 'office', '省卫生计生委',
    { ...YEAR_END, opens: { month: 10, day: 1 } }, '四(三)2',
    '三年期间每年的第四季度，省卫生计生委将对各地城乡医院对口支援工作进展情况和效果进行评估'),
  d.entry('cityEvaluation', '各市年度评估和3年协议期末评估', 'office', '各市', { kind: 'undated', cadence: 'yearly' }, '三(二)',
    '各市要及时做好年度评估和3年协议期末评估工作'),
]
