import type { EntityManager } from 'typeorm';
import { formatDocumentNumber, type LocalDate } from '@plancycle/domain';
import { DocumentNumberRepository } from '../document-numbers/document-number.repository';
import type { IssuedVersion, IssueVersionInput, PlanVersionState } from './plan-record';

/** The states a version is in while the approver decides on it. */
const ISSUABLE: readonly PlanVersionState[] = ['submitted', 'approved'];
/** A version that already has its number: issuing it again gives that number back. */
const ALREADY_ISSUED: readonly PlanVersionState[] = ['issued', 'superseded'];

/**
 * Issues one version inside the caller's transaction: the number is taken with the same manager,
 * so it is kept only if the version is issued (never repeats, never skips). The version's row is
 * locked first, so two deliveries of the same issuance queue and the second finds the first's number.
 */
export async function issuePlanVersion(manager: EntityManager, input: IssueVersionInput): Promise<IssuedVersion> {
  if (Number(input.issuedOn.slice(0, 4)) !== input.year) {
    throw new RangeError(`A document issued on ${input.issuedOn} takes a number of ${input.issuedOn.slice(0, 4)}, not of ${input.year}.`);
  }
  const [current] = (await manager.query(
    `SELECT state, document_number, to_char(issued_on, 'YYYY-MM-DD') AS issued_on
     FROM plan_versions WHERE plan_id = $1 AND version = $2 FOR UPDATE`,
    [input.planId, input.version],
  )) as Array<{ state: PlanVersionState; document_number: string | null; issued_on: LocalDate | null }>;
  if (!current) throw new Error(`Plan ${input.planId} has no version ${input.version} to issue.`);
  if (ALREADY_ISSUED.includes(current.state) && current.document_number !== null && current.issued_on !== null) {
    return { documentNumber: current.document_number, issuedOn: current.issued_on };
  }
  if (!ISSUABLE.includes(current.state)) {
    throw new Error(`Version ${input.version} of plan ${input.planId} is ${current.state}; only a submitted or approved version can be issued.`);
  }

  const number = await new DocumentNumberRepository(manager).take(input.issuerCode, input.year);
  const documentNumber = formatDocumentNumber(number, input.symbol);
  // Supersede first: the one-issued-version index would refuse two at once.
  await manager.query(
    `UPDATE plan_versions SET state = 'superseded', updated_at = now() WHERE plan_id = $1 AND state = 'issued'`,
    [input.planId],
  );
  await manager.query(
    `UPDATE plan_versions SET state = 'issued', document_number = $3, issued_on = $4, updated_at = now()
     WHERE plan_id = $1 AND version = $2`,
    [input.planId, input.version, documentNumber, input.issuedOn],
  );
  await manager.query(`UPDATE plans SET version_in_force = $2, updated_at = now() WHERE id = $1`, [input.planId, input.version]);
  return { documentNumber, issuedOn: input.issuedOn };
}
