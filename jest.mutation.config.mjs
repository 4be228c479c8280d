// The unit tests of the rules under mutation (npm run test:mutation): libs/domain and the parser.
import config from './jest.config.js';

const unit = config.projects.find((p) => p.displayName === 'unit');
export default { ...unit, displayName: undefined, testMatch: ['<rootDir>/libs/{domain,workplan}/**/*.spec.ts'] };
