import { DataSource } from 'typeorm';
import { IdempotencyRecordEntity } from '../entities';

/** The first answer to each Idempotency-Key of a user, replayed to its retries. */
export class IdempotencyRepository {
  constructor(private readonly db: DataSource) {}

  find(key: string, userId: string): Promise<IdempotencyRecordEntity | null> {
    return this.db.getRepository(IdempotencyRecordEntity).findOne({ where: { key, userId } });
  }

  /** Keeps the first answer: a racing second request with the same key writes nothing. */
  async remember(
    r: Pick<IdempotencyRecordEntity, 'key' | 'userId' | 'route' | 'requestHash' | 'statusCode' | 'response'>,
  ) {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(IdempotencyRecordEntity)
      .values({ ...r, response: r.response as object })
      .orIgnore()
      .execute();
  }
}
