/** The file the worker bundles: every workflow it hosts. Not part of the bundle itself. */
export const WORKFLOWS_PATH = require.resolve('./index');
