// The unit tests of the rules under mutation (npm run test:mutation): libs/domain and the parser.
const { projects } = require('./jest.config');
const unit = projects.find((p) => p.displayName === 'unit');
module.exports = { ...unit, displayName: undefined, testMatch: ['<rootDir>/libs/{domain,workplan}/**/*.spec.ts'] };
