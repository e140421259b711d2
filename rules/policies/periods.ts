import type { PolicyId } from '../core/pack'
import type { Parameter } from '../core/parameter'
import { citer, type PackPeriod, periodParameter } from './support-data'

// Where a text states its period in whole years, the pack runs from 1 January of the first year to 31 December of
// the last, even when the text was issued later that year: Henan (issued 2015-08-17) itself dates steps in May and
// June 2015, and Yantai (issued 2024-07-24) calls itself the 2024—2026 plan. Dates that fall before issuance are
// flagged by `dueDates` rather than dropped.

const henan = citer('henan-2015')
const sichuan = citer('sichuan-2017')
const zhejiang = citer('zhejiang-2014')
const changchun = citer('changchun-2011')
const yantai = citer('yantai-2024')

/** The span each pack's posting, credit, escalation and calendar rules run for. */
export const SUPPORT_PERIODS: Record<PolicyId, PackPeriod> = {
  'henan-2015': {
    description: '2015—2020年（附件8 城乡医院对口支援、附件9 红会送医及各计划均为2015—2020年）',
    from: '2015-01-01',
    until: '2021-01-01',
    startSource: henan('附件8 一', '2015—2020 年，通过实施河南省城乡医院对口支援帮扶计划'),
    endSource: henan('附件9 一', '从 2015 年到 2020 年，每年组织不少于 3000 人次的红十字志愿者'),
  },
  // The text runs "自本意见下发之日起" but prints no issue date; its first dated start is 2018-01-01.
  'sichuan-2017': {
    description: '2018年1月1日起至2020年底',
    from: '2018-01-01',
    until: '2021-01-01',
    startSource: sichuan('五(二)', '自2018年1月1日起，各地各单位按照调整后的对口支援关系'),
    endSource: sichuan('三', '实施时间自本意见下发之日起至2020年底'),
  },
  // "今后三年" from an undated text whose agreements are due 2014-02-15 and whose yearly tasks end with 2016.
  'zhejiang-2014': {
    description: '今后三年（2014—2016年）',
    from: '2014-01-01',
    until: '2017-01-01',
    startSource: zhejiang('一', '今后三年，加强以人才、技术、重点专科为核心的能力建设'),
    endSource: zhejiang('四(二)', '2016年，重点掌握骨科、胸外科、小儿外科内镜诊疗技术'),
  },
  // The named end day is read as included: the cycle ends after 2014-05-15.
  'changchun-2011': {
    description: '周期三年（2011年5月15日——2014年5月15日）',
    from: '2011-05-15',
    until: '2014-05-16',
    startSource: changchun('附件 一', '通过周期三年（2011年5月15日——2014年5月15日）的建设发展和对口支援后'),
    endSource: changchun('附件 一', '周期三年（2011年5月15日——2014年5月15日）'),
  },
  'yantai-2024': {
    description: '2024—2026年',
    from: '2024-01-01',
    until: '2027-01-01',
    startSource: yantai('标题', '提质提效三年行动计划（2024—2026年）'),
    endSource: yantai('一', '到 2026 年年底，乡村两级医疗卫生服务能力实现较大提升'),
  },
}

/** Each pack's period as a parameter: `true` while it runs; outside it every evaluator answers "not covered". */
export const PACK_PERIODS: Record<PolicyId, Parameter<true>> = {
  'henan-2015': periodParameter(SUPPORT_PERIODS['henan-2015']),
  'sichuan-2017': periodParameter(SUPPORT_PERIODS['sichuan-2017']),
  'zhejiang-2014': periodParameter(SUPPORT_PERIODS['zhejiang-2014']),
  'changchun-2011': periodParameter(SUPPORT_PERIODS['changchun-2011']),
  'yantai-2024': periodParameter(SUPPORT_PERIODS['yantai-2024']),
}
