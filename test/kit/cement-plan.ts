import type { InjectionPlan } from '../../src/models/cement/plan.js';

/** Two vertebral levels, 4 mL planned and 8 mL at most each: the plan the cement tests share. */
export const TWO_LEVELS: InjectionPlan = {
  channel: 'cement',
  pressureChannel: 'pressure',
  sites: [
    { id: 'T12', label: 'T12', kind: 'vertebra', plannedMl: 4, maxMl: 8, channel: 'vol-T12' },
    { id: 'L1', label: 'L1', kind: 'vertebra', plannedMl: 4, maxMl: 8, channel: 'vol-L1' },
  ],
};
