import { Global, Module } from '@nestjs/common';
import {
  TEMPORAL_CLIENT,
  TEMPORAL_CONFIG,
  temporalClientProvider,
  temporalConfigProvider,
} from './temporal-client.provider';

@Global()
@Module({ providers: [temporalConfigProvider, temporalClientProvider], exports: [TEMPORAL_CLIENT, TEMPORAL_CONFIG] })
export class TemporalClientModule {}
