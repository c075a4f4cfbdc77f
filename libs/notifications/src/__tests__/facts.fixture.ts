import type { NotificationFacts } from '..';

/** Xã Ia Dom's plan as the tests see it: version 2, the seed's 7 rows, 200.000.000 đồng. */
export const IA_DOM_PLAN: NotificationFacts['plan'] = {
  cycleId: 'GL-2027',
  year: 2027,
  unitCode: 'GL.IADOM',
  unitName: 'UBND xã Ia Dom',
  planKind: 'unit',
  version: 2,
  itemCount: 7,
  totalBudget: 200_000_000,
  documentNumber: null,
};
