import { Provider } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { connectTemporalClient } from '@duban/temporal/temporal-connection';
import { loadTemporalConfig, TemporalConfig } from '@duban/temporal/temporal-config';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const TEMPORAL_CONFIG = Symbol('TEMPORAL_CONFIG');

/** Temporal settings from the environment (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, …), validated. */
export const temporalConfigProvider: Provider = {
  provide: TEMPORAL_CONFIG,
  useFactory: (): TemporalConfig => loadTemporalConfig(),
};

/** The API's Temporal client; the process stops with one clear line when Temporal is unreachable. */
export const temporalClientProvider: Provider = {
  provide: TEMPORAL_CLIENT,
  inject: [TEMPORAL_CONFIG],
  useFactory: async (config: TemporalConfig): Promise<Client> =>
    new Client({ connection: await connectTemporalClient(config), namespace: config.namespace }),
};
