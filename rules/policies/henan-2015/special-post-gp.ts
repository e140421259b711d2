import type { Programme } from '../../eligibility/programme'
import { cite, cited, programmePeriod, say } from './cite'

const A = '附件2'
const SOURCES = `${A} 三(一)`
const ROUTE_3 = `${A} 三(一)3`
const RETIREES = '鼓励城市业务水平较高、身体状况较好的退休卫生专业技术人员参加应聘，补助水平参照特岗全科医生'
const CONTRACT = `${A} 三(二)6`

/** 附件2 河南省全科医生特设岗位计划 (特岗全科医生). */
export const SPECIAL_POST_GP: Programme = {
  id: 'henan-2015/special-post-gp',
  name: '全科医生特设岗位计划（特岗全科医生）',
  // "从2015年开始，通过6年时间": calendar years 2015–2020 (each hire then serves a 4-year term).
  period: programmePeriod(
    '2015—2020年招聘，聘期4年',
    '2015-01-01',
    '2021-01-01',
    cite(`${A} 一`, '从 2015 年开始，通过 6 年时间，为全省乡镇卫生院招聘 2400 名特岗全科医生（含中医），聘期 4 年'),
  ),
  conditions: [
    // All three routes start with "具有执业医师资格", so the licence is one shared check.
    { check: 'licence', allowed: cited(['physician'], `${SOURCES}1—3`, '具有执业医师资格') },
    {
      check: 'anyOf',
      name: 'qualificationRoute',
      source: cite(SOURCES, '特岗全科医生须满足下列条件之一'),
      requirement: '特岗全科医生来源和资质要求三种情况之一',
      conditions: [
        {
          check: 'registrationScope',
          source: cite(`${SOURCES}1`, '执业范围注册为临床类别全科医学专业或中医类别全科医学专业的医务人员'),
        },
        {
          check: 'gpTraining',
          source: cite(
            `${SOURCES}2`,
            '经过省级卫生计生部门（含中医管理部门，下同）认可的全科医生规范化培养、转岗培训或者岗位培训并考核合格的医务人员',
          ),
        },
        {
          check: 'allOf',
          name: 'clinicalRoute',
          source: cite(ROUTE_3, '从事临床医疗工作3年以上（含3年），能够胜任全科医生岗位的医务人员。一般应具有二级以上医院工作经历'),
          requirement: '从事临床医疗工作3年以上（含3年），一般应具有二级以上医院工作经历',
          conditions: [
            { check: 'clinicalYears', atLeast: cited(3, ROUTE_3, '从事临床医疗工作3年以上（含3年）') },
            // "一般应" is read as a requirement of this route; the reason tells the applicant it is the general rule.
            {
              check: 'secondaryHospitalExperience',
              source: cite(ROUTE_3, '一般应具有二级以上医院工作经历'),
              requirement: '一般应具有二级以上医院工作经历',
            },
          ],
        },
      ],
    },
    {
      check: 'establishmentExclusion',
      levels: cited(['township', 'community'], SOURCES, '本省乡镇卫生院、社区卫生服务中心在编在岗人员不列入招聘范围'),
    },
    { check: 'retirement', retiredAllowed: cited(true, SOURCES, RETIREES) },
  ],
  attestations: [
    say('能够胜任全科医生岗位（按第3种情况应聘时）', ROUTE_3, '能够胜任全科医生岗位'),
    say('退休人员应聘：业务水平较高、身体状况较好，并携带退休证', SOURCES, '鼓励城市业务水平较高、身体状况较好的退休卫生专业技术人员参加应聘'),
    say('资质审查时能按所符合的情况提交身份证、医师执业证、全科医生执业证或培训合格证', `${A} 三(二)4`, '资质审查时，报名者按以下三种情况提交相关证件'),
  ],
  obligations: [
    say('上岗前必须注册为全科医师（原有执业范围保留）', `${A} 四(二)`, '特岗全科医生上岗前必须注册为全科医师（原有的执业范围保留）'),
    say('派驻乡镇卫生院工作，在基层工作时间不少于4年', CONTRACT, '特岗全科医生在基层工作时间不少于4年'),
    say('服务期内不得擅自离开服务岗位，否则视为违约', CONTRACT, '服务期内，不得擅自离开服务岗位，否则视为违约'),
    say(
      '违约者须退回补助费用，违约情况记入个人诚信档案，在医师注册和职称晋升等方面受到限制，并承担其他违约责任',
      CONTRACT,
      '违约者退回补助费用，违约情况记入个人诚信档案，在医师注册和职称晋升等方面给予限制，并承担其他违约责任',
    ),
    say('接受服务所在单位的绩效考核和年度考核；考核不合格者降低补助和绩效工资标准，直至解除聘用合同', `${A} 四(四)`, '对考核不合格者，降低补助标准和绩效工资标准，直至解除聘用合同'),
  ],
  benefits: [
    say(
      '服务期内由中央和省级财政按年人均不低于4万元安排岗位津贴，年度考核合格后由县级公立医院发放',
      `${A} 五(一)`,
      '由中央和省级财政按年人均不低于4万元的标准安排岗位津贴，特岗全科医生年度考核合格后，由县级公立医院进行发放',
    ),
    say('市、县级财政可根据当地实际给予适当补助', `${A} 五(一)`, '市、县级财政可根据当地实际给予适当补助'),
    say('退休人员应聘的，补助水平参照特岗全科医生', SOURCES, '补助水平参照特岗全科医生'),
    say('享受所在乡镇卫生院同等岗位职工的基本工资和绩效工资，参加社会保险', `${A} 五(二)`, '享受所在乡镇卫生院同等岗位职工的基本工资和绩效工资，按照国家有关规定参加相应的社会保险'),
    say('到艰苦边远地区工作的，按国家规定享受艰苦边远地区津贴', `${A} 五(二)`, '对到艰苦边远地区工作的特岗全科医生按国家规定享受艰苦边远地区津贴'),
    say('乡镇卫生院提供周转住房和必要的生活条件', `${A} 五(三)`, '乡镇卫生院要为特岗全科医生提供相应的周转住房和必要的生活条件'),
    say(
      '职称晋升时乡镇卫生院工作时间累计计算，可提前一年晋升一次；晋升高级职称时外语和论文不作硬性规定',
      `${A} 五(四)`,
      '职称晋升时，在乡镇卫生院的工作时间累计计算，享受一次提前一年晋升职称的优惠政策；晋升高级职称时，外语和论文不作硬性规定',
    ),
    say('同等条件下优先聘用到全科主治医师岗位', `${A} 五(五)`, '在同等条件下优先聘用到全科主治医师岗位'),
    say('未参加过全科医学知识培训的，由省卫生计生委免费组织岗位培训', `${A} 四(一)`, '对于未参加过全科医学知识培训的人员，由省卫生计生委免费组织岗位培训'),
    say('来自公立医院的，服务期间原单位保留编制和身份，期满可回原单位工作', `${A} 四(五)`, '招聘的全科医生如果来自公立医院，服务期间由原单位保留其编制和身份，服务期满可回原单位工作'),
    say('聘期满留在乡镇卫生院的，纳入常设岗位和乡镇卫生院编制管理', `${A} 四(五)`, '特岗全科医生聘期满后，鼓励留在乡镇卫生院工作，按有关规定将其纳入常设岗位，并纳入乡镇卫生院编制管理'),
  ],
}
