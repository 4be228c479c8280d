import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { useRunningStack } from './running-stack';
import { PersistenceModule } from '@duban/persistence/persistence.module';
import { CalendarYearBody } from '../calendar/calendar.dto';
import { CalendarModule } from '../calendar/calendar.module';
import { CalendarService } from '../calendar/calendar.service';
import { TemporalClientModule } from '../temporal/temporal-client.module';

const USAGE = `Usage:
  npm run calendar -- list
  npm run calendar -- show <year>
  npm run calendar -- set <year> --notice <notice.txt> [--doc 国办发明电〔2026〕×号] [--issued YYYY-MM-DD] [--dry-run]
  npm run calendar -- set <year> --file <year.json> [--dry-run]
     year.json: { "holidays": ["2027-01-01", …], "makeupWorkdays": ["2027-02-20", …],
                  "docNumber": "…", "issuedOn": "YYYY-MM-DD" }
Talks to the system npm start runs (or DATABASE_URL, TEMPORAL_ADDRESS); set re-plans the open tasks of that year.`;

@Module({ imports: [PersistenceModule.forRoot({ migrationsRun: true }), TemporalClientModule, CalendarModule] })
class CalendarCliModule {}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const [command, yearText] = args;
  if (!command || command === '--help' || !['list', 'show', 'set'].includes(command)) {
    console.log(USAGE);
    return command ? 2 : 0;
  }
  useRunningStack();
  const app = await NestFactory.createApplicationContext(CalendarCliModule, { logger: ['error', 'warn'] });
  try {
    const calendar = app.get(CalendarService);
    if (command === 'list') {
      for (const y of await calendar.years())
        console.log(
          `${y.year}  ${y.status === 'official' ? '正式' : '暂定'}  放假 ${y.holidays.length} 天  调休上班 ${y.makeupWorkdays.length} 天  ${y.docNumber ?? y.note ?? ''}`,
        );
      return 0;
    }
    const year = Number(yearText);
    if (!Number.isInteger(year)) {
      console.error(`不是年份：${yearText ?? '（未给出）'}\n${USAGE}`);
      return 2;
    }
    if (command === 'show') {
      console.log(JSON.stringify(await calendar.year(year), null, 2));
      return 0;
    }
    const noticeFile = flag(args, 'notice');
    const jsonFile = flag(args, 'file');
    if (!noticeFile && !jsonFile) {
      console.error(`set 需要 --notice 或 --file\n${USAGE}`);
      return 2;
    }
    const body: CalendarYearBody = jsonFile
      ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as CalendarYearBody)
      : { noticeText: readFileSync(noticeFile!, 'utf8') };
    body.docNumber = flag(args, 'doc') ?? body.docNumber;
    body.issuedOn = flag(args, 'issued') ?? body.issuedOn;
    const preview = calendar.preview(year, body);
    console.log(
      `${year} 年：放假 ${preview.holidays.length} 天，调休上班 ${preview.makeupWorkdays.length} 天${preview.docNumber ? `（${preview.docNumber}）` : ''}`,
    );
    for (const e of preview.errors) console.log(`  错误：${e}`);
    for (const w of preview.warnings) console.log(`  请核对：${w}`);
    if (preview.errors.length > 0) return 1;
    if (args.includes('--dry-run')) return 0;
    const result = await calendar.save(year, body, { id: `cli:${userInfo().username}`, role: 'admin', unitCode: null });
    console.log(
      `已保存（日历版本 ${result.revision}）；重新计算了 ${result.replanned.signalled}/${result.replanned.tasks} 个任务`,
    );
    return result.replanned.failed.length > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
