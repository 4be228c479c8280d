import { PlanParseError } from './errors';
import { readMetadata } from './metadata';

const lines = (text: string) => text.split('\n').map((t, i) => ({ no: i + 1, text: t }));

describe('plan metadata', () => {
  it('reads the labels of a government web page', () => {
    expect(
      readMetadata(
        lines('发布机构: 新建生态环境局 生成日期: 2021-04-28\n南昌市新建生态环境局2021年生态环境工作要点\n正文'),
      ),
    ).toEqual({
      title: '南昌市新建生态环境局2021年生态环境工作要点',
      issuer: '新建生态环境局',
      issuedOn: '2021-04-28',
      year: 2021,
    });
  });

  it('reads 成文日期 in Chinese date form', () => {
    expect(readMetadata(lines('某县2022年工作要点\n成文日期:2022年3月5日')).issuedOn).toBe('2022-03-05');
  });

  it('falls back to the signature block at the end', () => {
    expect(readMetadata(lines('某县环保局2023年工作要点\n正文。\n某县生态环境局\n2023年2月1日\n'))).toEqual({
      title: '某县环保局2023年工作要点',
      issuer: '某县生态环境局',
      issuedOn: '2023-02-01',
      year: 2023,
    });
  });

  it('refuses a plan with no year anywhere', () => {
    expect(() => readMetadata(lines('某县工作要点\n正文'))).toThrow(PlanParseError);
  });

  it('takes the plan, not the letterhead, and reads the 文号 apart', () => {
    const m = readMetadata(
      lines('鞍山市立山区人民政府文件\n鞍立政发〔2023〕2号\n立山区政府2023年重点工作任务分解和责任分工方案\n正文'),
    );
    expect(m).toMatchObject({
      title: '立山区政府2023年重点工作任务分解和责任分工方案',
      issuer: '鞍山市立山区人民政府',
      docNumber: '鞍立政发〔2023〕2号',
      year: 2023,
    });
  });

  it('reads the plan inside a notice and who sent it', () => {
    const m = readMetadata(lines('港政发〔2021〕10号黄石港区人民政府关于印发2022年区政府重点工作分解意见的通知\n正文'));
    expect(m).toMatchObject({
      title: '2022年区政府重点工作分解意见',
      issuer: '黄石港区人民政府',
      docNumber: '港政发〔2021〕10号',
    });
  });

  it('reads a news lead and skips site chrome', () => {
    const m = readMetadata(
      lines(
        '您现在所在的位置:首页>政务公开\n日前,潮州印发《潮州市打赢蓝天保卫战实施方案(2019-2020年)》。全文如下:\n正文',
      ),
    );
    expect(m.title).toBe('潮州市打赢蓝天保卫战实施方案(2019-2020年)');
  });

  it('reads 发布机构 and 文号 from one line of a page info table', () => {
    const m = readMetadata(
      lines('发布机构 区人民政府办公室 文号 蔡政办〔2023〕1号\n2023年区政府工作报告重点任务分解\n正文'),
    );
    expect(m).toMatchObject({ issuer: '区人民政府办公室', docNumber: '蔡政办〔2023〕1号' });
  });

  it('takes an organisation above the title for the issuer', () => {
    const m = readMetadata(
      lines('某区人民政府督查室\n关于区政府第十二次常务会议议定事项的督办通知\n区督字〔2027〕1号\n正文'),
    );
    expect(m).toMatchObject({
      title: '关于区政府第十二次常务会议议定事项的督办通知',
      issuer: '某区人民政府督查室',
      docNumber: '区督字〔2027〕1号',
      year: 2027,
    });
  });
});
