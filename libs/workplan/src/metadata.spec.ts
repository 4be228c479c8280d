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
});
