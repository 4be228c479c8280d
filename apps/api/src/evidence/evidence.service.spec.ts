import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvidenceEntity } from '@duban/persistence/entities';
import { EvidenceRepository } from '@duban/persistence/repositories/evidence-repository';
import { EvidenceService } from './evidence.service';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'evidence-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The service over a folder of its own and an in-memory evidence table. */
function serviceOver(options: { failAdd?: boolean } = {}) {
  const rows: EvidenceEntity[] = [];
  const repo = {
    add: async (row: Omit<EvidenceEntity, 'id' | 'uploadedAt'>) => {
      if (options.failAdd) throw new Error('database down');
      const saved = { ...row, id: randomUUID(), uploadedAt: new Date() } as EvidenceEntity;
      rows.push(saved);
      return saved;
    },
    ofTask: async (taskId: string, id: string) => rows.find((r) => r.id === id && r.taskId === taskId) ?? null,
    byIds: async (ids: string[]) => rows.filter((r) => ids.includes(r.id)),
    remove: async (ids: string[]) => void rows.splice(0, rows.length, ...rows.filter((r) => !ids.includes(r.id))),
    referencesTo: async (path: string) => rows.filter((r) => r.storagePath === path).length,
  } as unknown as EvidenceRepository;
  const store = join(root, 'store');
  const upload = (fileName: string, content: Buffer) => {
    const path = join(root, `${randomUUID()}.upload`);
    writeFileSync(path, content);
    return { fileName, path, size: content.length };
  };
  return { service: new EvidenceService(repo, store), rows, store, upload };
}

describe('evidence files (佐证材料)', () => {
  it('stores a file under its content address once, however often it is uploaded, and consumes the upload', async () => {
    const w = serviceOver();
    const first = w.upload('监测报告.pdf', PDF);
    const a = await w.service.store('p/1', 'stage-1', 'u-1', first);
    const b = await w.service.store('p/2', null, 'u-2', w.upload('copy.pdf', PDF));
    expect(a).toMatchObject({ fileName: '监测报告.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length });
    expect(a.sha256).toBe(b.sha256);
    expect(readdirSync(w.store)).toEqual([`${a.sha256}.pdf`]);
    expect(existsSync(first.path)).toBe(false);
    // What a client sees never says where the file lies.
    expect(Object.keys(a)).not.toContain('storagePath');
  });

  it('refuses a type it does not allow (by name and by first bytes), keeping nothing', async () => {
    const w = serviceOver();
    const exe = w.upload('setup.exe', Buffer.from('MZ\x90\x00'));
    await expect(w.service.store('p/1', null, 'u-1', exe)).rejects.toMatchObject({ code: 'EVIDENCE_TYPE_NOT_ALLOWED' });
    const fake = w.upload('report.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    await expect(w.service.store('p/1', null, 'u-1', fake)).rejects.toMatchObject({ status: 400 });
    expect(existsSync(exe.path) || existsSync(fake.path)).toBe(false);
    expect(existsSync(w.store) ? readdirSync(w.store) : []).toEqual([]);
    expect(w.rows).toEqual([]);
  });

  it('leaves no orphan file when the row cannot be written', async () => {
    const w = serviceOver({ failAdd: true });
    await expect(w.service.store('p/1', null, 'u-1', w.upload('a.pdf', PDF))).rejects.toThrow('database down');
    expect(readdirSync(w.store)).toEqual([]);
  });

  it('removes a file with its last row only', async () => {
    const w = serviceOver();
    const a = await w.service.store('p/1', null, 'u-1', w.upload('a.pdf', PDF));
    const b = await w.service.store('p/1', null, 'u-1', w.upload('b.pdf', PDF));
    await w.service.remove([a.id]);
    expect(readdirSync(w.store)).toHaveLength(1);
    await w.service.remove([b.id]);
    expect(readdirSync(w.store)).toEqual([]);
  });

  it("finds a file only under its own task, and answers another task's id or a non-id as not found", async () => {
    const w = serviceOver();
    const a = await w.service.store('p/1', null, 'u-1', w.upload('a.pdf', PDF));
    await expect(w.service.ofTask('p/1', a.id)).resolves.toMatchObject({ id: a.id });
    await expect(w.service.ofTask('p/2', a.id)).rejects.toMatchObject({ status: 404 });
    await expect(w.service.ofTask('p/1', '../../etc/passwd')).rejects.toMatchObject({ status: 404 });
    await expect(w.service.namesOf([a.id, 'nope', a.id])).resolves.toEqual(new Map([[a.id, 'a.pdf']]));
  });
});
