import type { DataSource, EntityManager } from 'typeorm';

export class DocumentNumberRepository {
  /** Pass the EntityManager of the transaction that issues the document: the number lives and dies with it. */
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The issuer's next number for the year: 1 for its first document, then one more each time. */
  async take(issuerCode: string, year: number): Promise<number> {
    const [row] = (await this.db.query(
      `INSERT INTO document_number_counters (issuer_code, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (issuer_code, year) DO UPDATE SET last_number = document_number_counters.last_number + 1
       RETURNING last_number`,
      [issuerCode, year],
    )) as Array<{ last_number: number }>;
    return row.last_number;
  }
}
