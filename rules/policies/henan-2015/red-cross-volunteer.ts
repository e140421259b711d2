import type { Programme } from '../../eligibility/programme'
import { cite, cited, programmePeriod, say } from './cite'

const A = '附件9'
const RECRUIT = `${A} 三(一)`
const ACTIVITY = `${A} 三(二)`

/** 附件9 河南省红会送医计划 (红十字志愿者). */
export const RED_CROSS_VOLUNTEER: Programme = {
  id: 'henan-2015/red-cross-volunteer',
  name: '红会送医计划（红十字志愿者）',
  period: programmePeriod(
    '2015—2020年',
    '2015-01-01',
    '2021-01-01',
    cite(`${A} 一`, '从 2015 年到 2020 年，每年组织不少于 3000 人次的红十字志愿者'),
  ),
  conditions: [
    {
      check: 'licence',
      allowed: cited(['physician'], RECRUIT, '具有执业医师（药师、检验师等）资格'),
      // "（药师、检验师等）": pharmacists and laboratory staff join with their own licences.
      exemptMajors: cited(['pharmacy', 'medicalTechnology'], RECRUIT, '具有执业医师（药师、检验师等）资格'),
      requirement: '执业医师（药师、检验师等）资格',
    },
    { check: 'title', atLeast: cited('intermediate', RECRUIT, '中级以上职称'), requirement: '中级以上职称' },
    { check: 'retirement', retiredAllowed: cited(true, RECRUIT, '特别要鼓励和支持离退休人员参与') },
  ],
  attestations: [
    say('技术精湛、医德高尚、乐于奉献、身体健康的临床或医技人员', RECRUIT, '技术精湛、医德高尚、乐于奉献、身体健康的临床和医技人员'),
    say('（药师、检验师等）已取得相应的执业资格', RECRUIT, '具有执业医师（药师、检验师等）资格'),
    say('经省直团体会员单位或省辖市红十字会招募，完成志愿者登记、注册', RECRUIT, '组成红十字志愿者队伍，要认真做好登记、注册等工作'),
  ],
  obligations: [
    say(
      '随志愿服务队到试点县开展义诊、咨询、培训授课等活动；省直单位每年不少于6次，每次不少于8人、不少于3天',
      ACTIVITY,
      '每年要组织志愿者到“红会送医计划”相对应的试点县开展活动不少于 6 次，每次活动不少于 8 人，每次活动时间不少于 3 天',
    ),
    say('与所带医生结成长期帮扶对子，通过通讯、网络等方式持续指导', ACTIVITY, '志愿者还要主动与所带医生结成长期帮扶对子，通过通讯、网络指导等多种方式提高他们的医疗和医技水平'),
    say('每月25日报送项目开展情况', `${A} 三(四)3`, '实行每月的25日报送项目开展情况制度'),
  ],
  benefits: [
    say(
      '省财政给予补助，用于志愿者培训、交通、食宿、教材、志愿者保险等支出',
      `${A} 三(五)`,
      '主要用于红十字临床和医技专家志愿者培训、交通、食宿、教材、志愿者保险、医技耗材、场地租用和工作督导等支出',
    ),
  ],
}
