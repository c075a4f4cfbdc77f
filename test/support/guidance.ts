import type { Client } from '@temporalio/client';
import { CycleRepository, GuidanceRepository } from '@plancycle/persistence';
import { guidanceRecordedSignal } from '@plancycle/workflows';
import type { DataSource } from 'typeorm';

/**
 * Records a guidance for any year and tells a running cycle, as POST /api/guidances does. Straight
 * into the repository: the API only accepts letters dated up to today, and suites run years ahead.
 */
export async function recordGuidanceFor(client: Client, dataSource: DataSource, provinceCode: string, planYear: number): Promise<void> {
  await new GuidanceRepository(dataSource).record(
    {
      provinceCode,
      documentNumber: `${planYear}/BTTTT-TTĐN`,
      issuedOn: `${planYear - 1}-12-04`,
      issuer: 'Bộ Thông tin và Truyền thông',
      subject: `V/v hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm ${planYear}`,
      planYear,
      focusTasks: [
        { number: 1, title: 'Phân công, bố trí cán bộ phụ trách công tác thông tin đối ngoại' },
        { number: 2, title: 'Tuyên truyền biển, đảo, phân giới cắm mốc và khu vực biên giới' },
      ],
    },
    null,
  );
  const cycle = await new CycleRepository(dataSource).findByProvinceAndYear(provinceCode, planYear);
  if (cycle) await client.workflow.getHandle(cycle.workflowId).signal(guidanceRecordedSignal);
}
