import { DynamicModule, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { NotificationChannel } from './channel';
import { loadNotifyConfig, NotifyConfig } from './config/notify-config';
import { createChannels } from './create-channels';
import { DeliveryLog } from './delivery-log';
import { InboxStore } from './inbox-store';
import { Notifier } from './notifier';
import { DELIVERY_LOG, INBOX_STORE, NOTIFY_CHANNELS, NOTIFY_CONFIG } from './notify.tokens';

export interface NotifyModuleOptions {
  /** Settings; default: loadNotifyConfig(env). */
  config?: NotifyConfig;
  /** Environment to read when config is not given; default process.env. */
  env?: Record<string, string | undefined>;
  /** Modules exporting INBOX_STORE and DELIVERY_LOG (unless they are global or in `providers`). */
  imports?: ModuleMetadata['imports'];
  /** Or the two providers themselves, e.g. { provide: DELIVERY_LOG, useClass: PgDeliveryLog }. */
  providers?: Provider[];
}

/**
 * Notifier and channels for Nest apps (the worker). The app supplies INBOX_STORE and DELIVERY_LOG,
 * which live in the persistence layer, through `imports`, `providers` or a global module.
 */
@Module({})
export class NotifyModule {
  static forRoot(options: NotifyModuleOptions = {}): DynamicModule {
    // Read once, at module construction: a bad setting stops the app at boot.
    const config = options.config ?? loadNotifyConfig(options.env);
    return {
      module: NotifyModule,
      imports: options.imports ?? [],
      providers: [
        ...(options.providers ?? []),
        { provide: NOTIFY_CONFIG, useValue: config },
        {
          provide: NOTIFY_CHANNELS,
          useFactory: (cfg: NotifyConfig, inbox: InboxStore) => createChannels(cfg, inbox),
          inject: [NOTIFY_CONFIG, INBOX_STORE],
        },
        {
          provide: Notifier,
          useFactory: (channels: NotificationChannel[], log: DeliveryLog, cfg: NotifyConfig) =>
            new Notifier(channels, log, { leaseMs: cfg.leaseMs }),
          inject: [NOTIFY_CHANNELS, DELIVERY_LOG, NOTIFY_CONFIG],
        },
      ],
      exports: [Notifier, NOTIFY_CONFIG, NOTIFY_CHANNELS],
    };
  }
}
