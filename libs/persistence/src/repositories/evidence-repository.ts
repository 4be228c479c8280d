import { DataSource } from 'typeorm';
import { EvidenceEntity } from '../entities';

/** Evidence rows (佐证材料): written when a file is stored, read for the task page and downloads. */
export class EvidenceRepository {
  constructor(private readonly db: DataSource) {}

  add(row: Omit<EvidenceEntity, 'id' | 'uploadedAt'>): Promise<EvidenceEntity> {
    return this.db.getRepository(EvidenceEntity).save(row);
  }

  /** One file of one task (null when the id is another task's). */
  ofTask(taskId: string, id: string): Promise<EvidenceEntity | null> {
    return this.db.getRepository(EvidenceEntity).findOneBy({ id, taskId });
  }

  /** Every file of a task, oldest first. */
  allOfTask(taskId: string): Promise<EvidenceEntity[]> {
    return this.db.getRepository(EvidenceEntity).find({ where: { taskId }, order: { uploadedAt: 'ASC' } });
  }

  /** The id and stage of those of `ids` that belong to the task. */
  stagesOf(taskId: string, ids: string[]): Promise<Pick<EvidenceEntity, 'id' | 'stageKey'>[]> {
    return this.db
      .getRepository(EvidenceEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.stageKey'])
      .where('e.id = ANY(:ids) AND e.task_id = :taskId', { ids, taskId })
      .getMany();
  }

  byIds(ids: string[]): Promise<EvidenceEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.getRepository(EvidenceEntity).find({ where: ids.map((id) => ({ id })) });
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.db.getRepository(EvidenceEntity).delete(ids);
  }

  /** How many rows still name a stored file (identical uploads share one). */
  referencesTo(storagePath: string): Promise<number> {
    return this.db.getRepository(EvidenceEntity).count({ where: { storagePath } });
  }
}
