import { vietnamDateOf, type OrgUnit } from '@plancycle/domain';
import type { GuidanceRecord, PlanRecord, PlanVersionRecord } from '@plancycle/persistence';
import type { DocumentIssuer, GuidanceReference, Signature } from '@plancycle/documents';

/** What the province's papers say about their issuer, read off the organisation tree. */
export type IssuerFacts = Pick<DocumentIssuer, 'provinceName' | 'parentBody' | 'issuerName'> & { place: string; signer: Signature };

/** `Ủy ban nhân dân tỉnh Gia Lai` → `Gia Lai`. */
export function provinceNameOf(province: OrgUnit | undefined, fallback: string): string {
  return province ? province.name.replace(/^(Ủy ban nhân dân|UBND)\s+(tỉnh|thành phố)\s+/iu, '') : fallback;
}

/**
 * Who issues a unit's papers and who signs: an Ủy ban nhân dân signs `TM. ỦY BAN NHÂN DÂN / CHỦ
 * TỊCH`, a Sở or other agency its head (`GIÁM ĐỐC`, or `THỦ TRƯỞNG` when the kind says nothing more).
 */
export function issuerFacts(unit: OrgUnit, units: readonly OrgUnit[], signerName: string): IssuerFacts {
  const byCode = new Map(units.map((candidate) => [candidate.code, candidate]));
  const province = byCode.get(unit.provinceCode);
  const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
  const people = /^(Ủy ban nhân dân|UBND)/iu.test(unit.name);
  const capacityLines = people ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : /^Sở\s/u.test(unit.name) ? ['GIÁM ĐỐC'] : ['THỦ TRƯỞNG CƠ QUAN'];
  const provinceName = provinceNameOf(province, unit.provinceCode);
  // NĐ 30/2020: the place is where the issuer sits; a xã, phường, huyện or thị xã writes its own name.
  const local = /^(?:Ủy ban nhân dân|UBND)\s+(?:xã|phường|thị trấn|huyện|thị xã|thành phố)\s+(.+)$/iu.exec(unit.name);
  return {
    provinceName,
    place: unit.kind === 'commune' || unit.kind === 'district' ? (local?.[1] ?? provinceName) : provinceName,
    parentBody: parent && !people ? parent.name.replace(/^Ủy ban nhân dân/iu, 'UBND') : '',
    issuerName: unit.name,
    signer: { capacityLines, signerName },
  };
}

/** `01/KH-UBND` → 1 and `KH-UBND`; a draft has no number yet and takes the unit's symbol. */
export function numberAndSymbol(version: Pick<PlanVersionRecord, 'documentNumber'>, fallbackSymbol: string): { number: number | null; symbol: string } {
  const match = /^(\d+)\/(.+)$/.exec(version.documentNumber ?? '');
  return match ? { number: Number(match[1]), symbol: match[2] } : { number: null, symbol: fallbackSymbol };
}

export function guidanceReference(guidance: GuidanceRecord | undefined): GuidanceReference | null {
  return guidance ? { documentNumber: guidance.documentNumber, issuedOn: guidance.issuedOn, issuer: guidance.issuer, subject: guidance.subject } : null;
}

/** `Kế hoạch số 01/KH-UBND ngày 15/01/2027 của Ủy ban nhân dân tỉnh Gia Lai về …`: a unit plan's basis. */
export function provincialPlanBasis(plan: PlanRecord, version: PlanVersionRecord | null, year: number): string | null {
  if (!version?.documentNumber || !version.issuedOn) return null;
  const day = version.issuedOn.split('-').reverse().join('/');
  return `Căn cứ Kế hoạch số ${version.documentNumber} ngày ${day} của ${plan.unitName} về công tác thông tin đối ngoại năm ${year}`;
}

/** Who approved the version, from the trail: the name under the signature. Empty until someone has. */
export function approverName(trail: ReadonlyArray<{ action: string; version: number | null; actorName: string | null }>, version: number): string {
  return [...trail].reverse().find((event) => event.action === 'approve' && event.version === version)?.actorName ?? '';
}

/** A report's date line: when it was sent, else empty for the writer to fill. */
export const reportDay = (submittedAt: string | null) => (submittedAt ? vietnamDateOf(submittedAt) : null);
