import type { PersonRole } from '#kernel';

/** GET /api/dev/demo-users (development and test only): the people a developer can sign in as. */
export interface DemoUserBody {
  key: string;
  name: string;
  roles: PersonRole[];
  unitId: string | null;
  unitName: string | null;
}
