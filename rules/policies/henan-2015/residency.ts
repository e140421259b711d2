import type { Programme } from '../../eligibility/programme'
import { cite, cited, programmePeriod, say } from './cite'

const A = '附件7'
const TARGET = `${A} 二(一)`
const GRADUATES = '县乡两级医疗卫生机构新进拟从事临床医疗工作的高等院校医学类专业'
const MAJORS = '医学类专业（指临床医学类、口腔医学类、中医学类和中西医结合类，下同）'
const PRACTISING = '或已从事临床医疗工作并取得执业医师资格证书，需要接受培训的人员'
const TREATMENT = `${A} 四(三)`

/** 附件7 河南省基层住院（全科）医师规范化培训计划. */
export const RESIDENCY: Programme = {
  id: 'henan-2015/residency',
  name: '基层住院（全科）医师规范化培训计划',
  // "自2015年开始，通过6年时间": 2015–2020.
  period: programmePeriod(
    '2015—2020年',
    '2015-01-01',
    '2021-01-01',
    cite(`${A} 一`, '自 2015 年开始，通过 6 年时间，为基层医疗卫生机构培训住院（全科）医师 4300 人'),
  ),
  conditions: [
    { check: 'employerLevel', allowed: cited(['county', 'township'], TARGET, GRADUATES), requirement: '县乡两级医疗卫生机构人员' },
    {
      check: 'anyOf',
      name: 'traineeRoute',
      source: cite(TARGET, `${MAJORS}本科及以上学历毕业生（主要为农村订单定向免费培养医学毕业生），${PRACTISING}`),
      requirement: '医学类专业本科及以上学历的新进毕业生，或已从事临床医疗工作并取得执业医师资格证书的人员',
      conditions: [
        {
          check: 'allOf',
          name: 'newGraduate',
          source: cite(TARGET, GRADUATES),
          requirement: '新进的医学类专业本科及以上学历毕业生',
          conditions: [
            { check: 'education', atLeast: cited('bachelor', TARGET, '本科及以上学历毕业生'), requirement: '本科及以上学历' },
            { check: 'major', allowed: cited(['clinical', 'stomatology', 'tcm', 'integrated'], TARGET, MAJORS) },
          ],
        },
        {
          check: 'allOf',
          name: 'practisingPhysician',
          source: cite(TARGET, PRACTISING),
          requirement: '已从事临床医疗工作并取得执业医师资格证书',
          conditions: [
            { check: 'clinicalWork', source: cite(TARGET, '已从事临床医疗工作') },
            { check: 'licence', allowed: cited(['physician'], TARGET, '取得执业医师资格证书') },
          ],
        },
      ],
    },
  ],
  attestations: [
    say('（毕业生）属新进、拟从事临床医疗工作的人员', TARGET, '新进拟从事临床医疗工作'),
    say('（在岗医师）需要接受规范化培训', TARGET, '需要接受培训的人员'),
    say('通过培训基地审核和招收考试，双向选择录取', `${A} 三(一)`, '培训基地对申请培训人员进行审核后，组织招收考试'),
  ],
  obligations: [
    say('在培训基地接受3年住院（全科）医师规范化培训（“5+3”模式）', `${A} 二(二)`, '培训年限为 3 年。培训按照“5+3”模式'),
    say('遵守培训基地的管理规定，参加过程考核和结业考核', TREATMENT, '应遵守培训基地的有关管理规定'),
    say('单位委派的，与委派单位、培训基地三方签订委托培训协议，明确培训后服务年限', TREATMENT, '委派单位、培训基地和培训对象三方签订委托培训协议，明确培训后服务年限'),
  ],
  benefits: [
    say(
      '中央和省级财政按年人均4.2万元补助培训基地，含单位委派培训对象的工资补助',
      `${A} 四(二)`,
      '年人均 4.2 万元的标准，对承担培训任务的培训基地给予补助，用于培训基地设备购置、教学实践活动以及单位委派培训对象工资补助等',
    ),
    say('作为培训基地住院医师队伍的一部分，依照规定享受相关待遇', TREATMENT, '培训对象是培训基地住院医师队伍的一部分'),
    say('单位委派的，培训期间原人事（劳动）、工资关系不变', TREATMENT, '单位委派的培训对象，培训期间原人事（劳动）、工资关系不变'),
    say('委派单位发放的工资低于基地同等条件住院医师的部分，由培训基地发放', TREATMENT, '委派单位发放的工资低于培训基地同等条件住院医师工资水平的部分由培训基地负责发放'),
    say('考核合格颁发《住院（全科）医师规范化培训合格证书》', `${A} 三(三)`, '颁发《住院（全科）医师规范化培训合格证书》'),
  ],
}
