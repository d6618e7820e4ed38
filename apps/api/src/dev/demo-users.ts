import type { PersonRole } from '#kernel';

export interface DemoUser {
  key: string;
  name: string;
  roles: PersonRole[];
  unitId: string | null;
  unitName: string | null;
}

const PROVINCIAL: { role: PersonRole; name: string }[] = [
  { role: 'council', name: 'Thư ký Hội đồng TĐKT tỉnh' },
  { role: 'home_affairs', name: 'Chuyên viên Sở Nội vụ' },
  { role: 'chairman', name: 'Chủ tịch UBND tỉnh' },
  { role: 'vice_chairman', name: 'Phó Chủ tịch UBND tỉnh' },
  { role: 'auditor', name: 'Thanh tra tỉnh' },
  { role: 'admin', name: 'Quản trị hệ thống' },
];

/**
 * The people a developer can sign in as: a clerk and a head for every unit in the database, and one officer
 * of each provincial office. The key is stable across restarts, so a bookmarked choice keeps working.
 */
export function demoUsers(units: readonly { id: string; code: string; name: string }[]): DemoUser[] {
  return [
    ...units.flatMap((unit): DemoUser[] => [
      { key: `drafter:${unit.id}`, name: `Chuyên viên ${unit.code}`, roles: ['drafter'], unitId: unit.id, unitName: unit.name },
      { key: `unit_head:${unit.id}`, name: `Thủ trưởng ${unit.code}`, roles: ['unit_head'], unitId: unit.id, unitName: unit.name },
    ]),
    ...PROVINCIAL.map(({ role, name }) => ({ key: role, name, roles: [role], unitId: null, unitName: null })),
  ];
}
