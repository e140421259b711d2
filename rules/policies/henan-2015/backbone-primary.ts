import type { Programme } from '../../eligibility/programme'
import { BACKBONE_BENEFITS, BACKBONE_OBLIGATIONS, BACKBONE_PERIOD } from './backbone-common'
import { cite, cited, say } from './cite'

const TOWNSHIP = '附件4 二(五)1'
const TOWNSHIP_QUOTE = '全省乡镇卫生院在职在岗的医疗服务人员及辅助科室专业技术人员'
const COMMUNITY = '附件4 二(六)1'
const COMMUNITY_QUOTE = '参加培训的人员必须是社区卫生服务中心在岗职工（包括聘用人员），并具有相应的执业资格'

/** 附件4 二(五) 乡镇卫生院骨干医师培训项目. */
export const BACKBONE_TOWNSHIP: Programme = {
  id: 'henan-2015/backbone-township',
  name: '乡镇卫生院骨干医师培训',
  period: BACKBONE_PERIOD,
  conditions: [
    { check: 'employerLevel', allowed: cited(['township'], TOWNSHIP, TOWNSHIP_QUOTE), requirement: '乡镇卫生院人员' },
    // "在职" is read as not retired, "在岗" as on post: two facts, two checks.
    { check: 'retirement', retiredAllowed: cited(false, TOWNSHIP, TOWNSHIP_QUOTE) },
    { check: 'inPost', source: cite(TOWNSHIP, TOWNSHIP_QUOTE) },
  ],
  attestations: [
    say('属医疗服务人员或辅助科室专业技术人员', TOWNSHIP, TOWNSHIP_QUOTE),
    say('经所在乡镇卫生院遴选推荐（平均每院每年选派2名）', TOWNSHIP, '平均每所乡镇卫生院每年选派2名'),
  ],
  obligations: [
    say('到上级医疗机构进修学习：医疗服务人员1年，辅助科室专业技术人员不少于半年', '附件4 二(五)2', '医疗服务人员培训时间为1年，辅助科室专业技术人员培训时间不少于半年'),
    say(
      '初级及以下职称到县级医疗机构进修，中级以上职称到市级及以上医疗机构进修',
      '附件4 二(五)2',
      '原则上，具有初级及以下职称的卫生技术人员到县级医疗机构进修学习，具有中级以上职称的卫生技术人员到市级及以上医疗机构进修学习',
    ),
    ...BACKBONE_OBLIGATIONS,
  ],
  benefits: [
    say(
      '省级财政按每人每月400元补助承担培训的医疗机构，其中学员补助每人每月不低于200元',
      '附件4 二(五)3',
      '省级财政按照每人每月400元的标准对乡镇卫生院骨干医师培训项目给予经费补助，补助资金由承担培训任务的医疗机构管理使用，主要用于教学管理及学员补助，其中学员补助每人每月不低于200元',
    ),
    ...BACKBONE_BENEFITS,
  ],
}

/** 附件4 二(六) 社区卫生技术人员培训项目. */
export const COMMUNITY_TECHNICIAN: Programme = {
  id: 'henan-2015/community-technician',
  name: '社区卫生技术人员培训',
  period: BACKBONE_PERIOD,
  conditions: [
    {
      check: 'employerLevel',
      allowed: cited(['community'], COMMUNITY, COMMUNITY_QUOTE),
      requirement: '社区卫生服务中心职工（包括聘用人员，不要求在编）',
    },
    { check: 'inPost', source: cite(COMMUNITY, COMMUNITY_QUOTE) },
    {
      check: 'licence',
      allowed: cited(['assistantPhysician', 'physician'], COMMUNITY, '并具有相应的执业资格'),
      // Nurses, pharmacists and technicians are trainees too; their licences are not physician licences.
      exemptMajors: cited(
        ['nursing', 'pharmacy', 'medicalTechnology'],
        COMMUNITY,
        '培训对象包括全科医生、预防保健人员、社区护士及社区康复、药学、检验、B 超、口腔、X 线和心电图检查等其他卫生技术人员',
      ),
      requirement: '相应的执业资格',
    },
  ],
  attestations: [
    say('护理、药学、检验等非医师人员已取得与本岗位相应的执业资格', COMMUNITY, '并具有相应的执业资格'),
    say('能参加脱产或半脱产培训', '附件4 二(六)2', '社区卫生技术人员培训采取脱产或半脱产形式'),
  ],
  obligations: [
    say('参加脱产或半脱产培训，时间为240学时（30天）', '附件4 二(六)2', '社区卫生各类技术人员培训时间为 240 学时（30 天）'),
    ...BACKBONE_OBLIGATIONS,
  ],
  benefits: [
    say('省级财政按每人每天50元补助承担培训的医疗卫生机构', '附件4 二(六)3', '省级财政按照每人每天 50 元的标准对社区卫生技术人员培训项目给予经费补助'),
    ...BACKBONE_BENEFITS,
  ],
}
