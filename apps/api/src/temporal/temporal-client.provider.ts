import { Client, Connection } from '@temporalio/client';
import { Provider } from '@nestjs/common';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** The Temporal client of the API process, connected lazily so the API can report Temporal down. */
export const temporalClientProvider: Provider = {
  provide: TEMPORAL_CLIENT,
  useFactory: async (): Promise<Client> => {
    const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
    const connection = Connection.lazy({ address });
    return new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  },
};
