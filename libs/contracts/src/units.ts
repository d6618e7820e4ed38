/** A unit (a department, a district) that drafts proposals. */
export interface UnitBody {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}

/** POST /api/units (admin). */
export interface CreateUnitBody {
  code: string;
  name: string;
}
