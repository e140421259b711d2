import type { Programme } from '../../eligibility/programme'
import { cite, cited, programmePeriod, say } from './cite'

const A = '附件5'
const TARGET = `${A} 二`
const PRIMARY = '全省所有乡镇卫生院或社区卫生服务机构在职的执业医师或助理执业医师'
const HOSPITAL = '部分二级以上医院拟从事全科医学工作的人员'

/** 附件5 河南省全科医生转岗培训计划. */
export const GP_CONVERSION: Programme = {
  id: 'henan-2015/gp-conversion',
  name: '全科医生转岗培训计划',
  // "培训工作2020年全部完成。通过6年时间": 2015–2020.
  period: programmePeriod('2015—2020年', '2015-01-01', '2021-01-01', cite(`${A} 一`, '培训工作 2020 年全部完成。通过 6 年时间')),
  conditions: [
    {
      check: 'anyOf',
      name: 'targetGroup',
      source: cite(TARGET, `${PRIMARY}，${HOSPITAL}`),
      requirement: '乡镇卫生院或社区卫生服务机构在职的执业（助理）医师，或拟从事全科医学工作的二级以上医院人员',
      conditions: [
        {
          check: 'allOf',
          name: 'primaryCarePhysician',
          source: cite(TARGET, PRIMARY),
          requirement: '乡镇卫生院或社区卫生服务机构在职的执业医师或助理执业医师',
          conditions: [
            { check: 'employerLevel', allowed: cited(['township', 'community'], TARGET, PRIMARY), requirement: '乡镇卫生院或社区卫生服务机构' },
            { check: 'retirement', retiredAllowed: cited(false, TARGET, PRIMARY) },
            { check: 'licence', allowed: cited(['assistantPhysician', 'physician'], TARGET, PRIMARY) },
          ],
        },
        {
          check: 'allOf',
          name: 'secondaryHospitalStaff',
          source: cite(TARGET, HOSPITAL),
          requirement: '拟从事全科医学工作的二级以上医院人员',
          // Hospital grade is not a profile fact: the level/kind checks narrow to hospitals, the grade is attested.
          conditions: [
            {
              check: 'employerLevel',
              allowed: cited(['county', 'city', 'province', 'private'], TARGET, HOSPITAL),
              requirement: '二级以上医院（县级及以上或民营医院）',
            },
            {
              check: 'employerKind',
              allowed: cited(['general', 'tcm', 'maternalChild'], TARGET, HOSPITAL),
              requirement: '医院（综合医院、中医医院或妇幼保健院）',
            },
          ],
        },
      ],
    },
  ],
  attestations: [
    say('（二级以上医院人员）所在医院为二级以上医院，本人拟从事全科医学工作', TARGET, HOSPITAL),
  ],
  obligations: [
    say('参加为期1年的培训，其中理论培训4个月，由医学高等专科学校分两批集中培训', `${A} 三`, '培训周期为 1 年，理论培训由省卫生计生委统一组织，培训时间 4 个月'),
    say('在三级综合医院或全科医生培训基地完成8个月临床实践培训（含不少于1个月社区实践）', `${A} 三`, '在三级综合医院或全科医生培训基地进行，时间 8 个月（含不少于 1 个月的社区实践培训）'),
  ],
  benefits: [
    say(
      '培训经费每人每期4000元（理论培训2500元、临床实践培训1500元），由中央和省级财政安排',
      `${A} 四(二)`,
      '学员培训经费标准为每人每期 4000 元，其中，理论培训 2500 元，临床实践培训 1500 元',
    ),
  ],
}
