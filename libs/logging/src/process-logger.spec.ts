import { Writable } from 'node:stream';
import { loadLogConfig } from './log-config';
import { NestPinoLogger, processLogger } from './process-logger';

/** A logger of the given format writing into an array of lines. */
function capture(format: 'json' | 'pretty', level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { nest: new NestPinoLogger(processLogger({ level, format }, 'api', sink)), lines };
}

describe('the process log', () => {
  it('writes one JSON object a line with the process, the context and the fields', () => {
    const { nest, lines } = capture('json');
    nest.log('plan imported', { planId: 'xinjian-2027' }, 'PlanImportService');
    nest.warn('slow projection', 'Projection');
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      level: 30,
      process: 'api',
      context: 'PlanImportService',
      planId: 'xinjian-2027',
      msg: 'plan imported',
    });
    expect(second).toMatchObject({ level: 40, context: 'Projection', msg: 'slow projection' });
  });

  it("keeps an error's stack, as Nest passes it (message, stack, context)", () => {
    const { nest, lines } = capture('json');
    nest.error('import failed', 'Error: boom\n    at x.ts:1', 'PlanImportService');
    nest.error(new Error('kaboom'), 'Worker');
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a).toMatchObject({ level: 50, context: 'PlanImportService', stack: expect.stringContaining('boom') });
    expect(b).toMatchObject({ level: 50, msg: 'kaboom', err: { message: 'kaboom' } });
  });

  it("keeps Nest's own start-up chatter at debug, out of the info log", () => {
    const info = capture('json', 'info');
    info.nest.log('AppModule dependencies initialized', 'InstanceLoader');
    info.nest.log('Mapped {/tasks, GET} route', 'RouterExplorer');
    info.nest.log('worker started', 'Bootstrap');
    expect(info.lines.map((l) => JSON.parse(l).msg)).toEqual(['worker started']);
    const debug = capture('json', 'debug');
    debug.nest.log('Mapped {/tasks, GET} route', 'RouterExplorer');
    expect(JSON.parse(debug.lines[0])).toMatchObject({ level: 20, context: 'RouterExplorer' });
  });

  it('writes one readable line each in pretty mode, context first, no JSON', () => {
    const { nest, lines } = capture('pretty');
    nest.log('API listening on http://127.0.0.1:3000', 'Bootstrap');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[Bootstrap\] API listening on http:\/\/127\.0\.0\.1:3000$/);
  });
});

describe('the log settings', () => {
  it('default to info, pretty on a terminal and JSON elsewhere', () => {
    expect(loadLogConfig({}, true)).toEqual({ level: 'info', format: 'pretty' });
    expect(loadLogConfig({}, false)).toEqual({ level: 'info', format: 'json' });
    expect(loadLogConfig({ LOG_LEVEL: ' DEBUG ', LOG_FORMAT: 'json' }, true)).toEqual({
      level: 'debug',
      format: 'json',
    });
  });

  it('stop the start with one line naming a bad value', () => {
    expect(() => loadLogConfig({ LOG_LEVEL: 'loud' }, true)).toThrow(/LOG_LEVEL "loud" is not one of fatal, error/);
    expect(() => loadLogConfig({ LOG_FORMAT: 'xml' }, true)).toThrow(/LOG_FORMAT "xml" is not pretty or json/);
  });
});
