// The OpenAPI document of the fake TeleSign (faked API and control plane), served at /_sim/openapi.json.
import { accountStatePaths } from './account-state-paths';
import { controlPaths } from './control-paths';
import { handsetBookPaths } from './handset-book-paths';
import { components } from './schemas';
import { teleSignPaths } from './telesign-paths';

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Fake TeleSign',
    version: '1.0.0',
    description:
      'TeleSign SMS API as real clients see it (TSA HMAC-SHA256 or Basic auth), plus a test-only control plane under /_sim.',
  },
  components,
  paths: { ...teleSignPaths, ...controlPaths, ...accountStatePaths, ...handsetBookPaths },
} as const;
