// `npm run soak`: the suite's runner and servers, for the four-hour soak alone.
import base from '../../web-test-runner.config.mjs';

export default {
  ...base,
  files: ['test/reliability/four-hours.soak.ts'],
  testsFinishTimeout: 30 * 60_000,
};
