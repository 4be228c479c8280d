import { readFile } from 'node:fs/promises';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { PlanParseError } from '../errors';
import { parsePlan, PlanFormat } from '../parse-plan';
import { formatPlanSummary } from './format-plan-summary';

/** What `plan import FILE …` hands to the importer, besides the parsed tree. */
export interface ImportCommandOptions {
  file: string;
  dryRun: boolean;
  /** Every other --flag / --key value given on the command line, for the importer to read. */
  flags: Record<string, string | boolean>;
}

/**
 * What the CLI needs from outside. `importPlan` is supplied by whoever wires the database import
 * (the persistence side); the parsing side never needs to change for it.
 */
export interface PlanCliDeps {
  importPlan?: (tree: PlanTree, options: ImportCommandOptions) => Promise<unknown>;
  readFile?: (path: string) => Promise<Buffer>;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
/** The document is not a plan (PlanParseError) or cannot be read. */
export const EXIT_BAD_INPUT = 2;

const USAGE = `Usage:
  plan parse FILE [--json] [--format text|docx|xlsx|html|json|yaml]
      Parse a work plan (工作要点) and say, leaf by leaf, what was found (in Chinese), or with --json the plan tree
      (valid against libs/workplan/schema/plan.schema.json).
  plan import FILE [--dry-run] [--plan-id ID] [--create-units] [--confirm] [--json] [--format …]
      Parse, then import the plan tree into the system npm start runs (found through .data/stack.json) or
      the one DATABASE_URL and TEMPORAL_ADDRESS name; says in Chinese what was (or would be) written,
      or with --json the import's answer.
Exit codes: 0 ok, 1 usage or import failure, 2 the document is not a readable plan.`;

interface ParsedArgs {
  command?: string;
  file?: string;
  flags: Record<string, string | boolean>;
}

/** Boolean flags never take a value, so "--json FILE" keeps FILE as the file. */
const BOOLEAN_FLAGS = new Set(['json', 'dry-run', 'help', 'create-units', 'confirm']);

function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { flags: {} };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) out.flags[key] = inline;
      else if (!BOOLEAN_FLAGS.has(key) && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--'))
        out.flags[key] = argv[++i];
      else out.flags[key] = true;
    } else positional.push(arg);
  }
  [out.command, out.file] = positional;
  return out;
}

const FORMATS: PlanFormat[] = ['text', 'docx', 'xlsx', 'html', 'json', 'yaml'];

/** Runs the plan CLI and returns its exit code; prints through `deps` so tests can capture output. */
export async function runPlanCli(argv: string[], deps: PlanCliDeps = {}): Promise<number> {
  const out = deps.out ?? ((t: string) => process.stdout.write(`${t}\n`));
  const err = deps.err ?? ((t: string) => process.stderr.write(`${t}\n`));
  const args = parseArgs(argv);
  if (args.flags.help || args.command === 'help') {
    out(USAGE);
    return EXIT_OK;
  }
  if ((args.command !== 'parse' && args.command !== 'import') || !args.file) {
    err(USAGE);
    return EXIT_USAGE;
  }
  const format = args.flags.format;
  if (format !== undefined && !FORMATS.includes(format as PlanFormat)) {
    err(`Unknown --format ${String(format)}; use one of ${FORMATS.join(', ')}`);
    return EXIT_USAGE;
  }

  let tree: PlanTree;
  try {
    const buffer = await (deps.readFile ?? readFile)(args.file);
    tree = await parsePlan(buffer, { filename: args.file, format: format as PlanFormat | undefined });
  } catch (error) {
    if (error instanceof PlanParseError) err(`${args.file}: cannot parse the plan\n${error.describe()}`);
    else err(`${args.file}: cannot read the file: ${(error as Error)?.message ?? String(error)}`);
    return EXIT_BAD_INPUT;
  }

  if (args.command === 'parse') {
    out(args.flags.json ? JSON.stringify(tree, null, 2) : formatPlanSummary(tree, args.file));
    return EXIT_OK;
  }

  // ── import ─────────────────────────────────────────────────────────────────────────────
  // The importer is injected (see PlanCliDeps.importPlan) by the persistence-side entry point;
  // this file only parses and hands the tree over.
  if (!deps.importPlan) {
    err('import is not available in this build: no importer is wired in (PlanCliDeps.importPlan).');
    return EXIT_USAGE;
  }
  const { 'dry-run': dryRunFlag, ...flags } = args.flags;
  const dryRun = dryRunFlag === true;
  try {
    const result = await deps.importPlan(tree, { file: args.file, dryRun, flags });
    if (result !== undefined) out(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
    return EXIT_OK;
  } catch (error) {
    err(`${args.file}: import failed: ${(error as Error)?.message ?? String(error)}`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  void runPlanCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
