import type { RoleAssignment } from '@plancycle/domain';

/** Printed in the README: these accounts exist only in demo databases. */
export const DEMO_PASSWORD = 'plancycle';

export interface DemoUser {
  username: string;
  fullName: string;
  roles: RoleAssignment[];
}

/** One account per step of the plan chain, so a demo can walk a plan from draft to issue. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin.gl', fullName: 'Nguyễn Văn Hùng', roles: [{ role: 'admin', unitCode: 'GL' }] },
  { username: 'admin.dn', fullName: 'Lê Thị Thu Hà', roles: [{ role: 'admin', unitCode: 'DN' }] },
  // The coordinator's officer drafts the provincial plan as well as watching every unit.
  {
    username: 'dieuphoi.gl',
    fullName: 'Trần Minh Tuấn',
    roles: [
      { role: 'coordinator', unitCode: 'GL.STTTT' },
      { role: 'officer', unitCode: 'GL.STTTT' },
    ],
  },
  // The Vice-Chairman who approves the provincial plan for the People's Committee (KT. CHỦ TỊCH).
  { username: 'lanhdao.tinh', fullName: 'Lê Văn Thanh', roles: [{ role: 'approver', unitCode: 'GL' }] },
  { username: 'canbo.songoaivu', fullName: 'Phạm Thị Lan', roles: [{ role: 'officer', unitCode: 'GL.SNGV' }] },
  { username: 'lanhdao.songoaivu', fullName: 'Võ Quốc Bảo', roles: [{ role: 'leader_in_charge', unitCode: 'GL.SNGV' }] },
  { username: 'thamdinh.ducco', fullName: "Siu H'Nhi", roles: [{ role: 'appraiser', unitCode: 'GL.DUCCO.PVHTT' }] },
  { username: 'pheduyet.ducco', fullName: 'Đỗ Văn Thành', roles: [{ role: 'approver', unitCode: 'GL.DUCCO' }] },
  { username: 'canbo.iadom', fullName: 'Rơ Mah Thuận', roles: [{ role: 'officer', unitCode: 'GL.DUCCO.IADOM' }] },
  { username: 'canbo.tranbien', fullName: 'Huỳnh Ngọc Mai', roles: [{ role: 'officer', unitCode: 'DN.TRANBIEN' }] },
];

export function demoEmail(username: string): string {
  return `${username}@plancycle.local`;
}
