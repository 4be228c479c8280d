import { Test } from '@nestjs/testing';
import { Notifier } from './notifier';
import { NotifyModule } from './notify.module';
import { DELIVERY_LOG, INBOX_STORE, NOTIFY_CONFIG } from './notify.tokens';
import { InMemoryDeliveryLogForTests } from './testing/in-memory-delivery-log';
import { InMemoryInboxStoreForTests } from './testing/in-memory-inbox-store';
import { sampleNotification } from './testing/sample-notification';
import { SmtpTestServer } from './testing/smtp-test-server';

describe('NotifyModule.forRoot', () => {
  const testProviders = () => [
    { provide: INBOX_STORE, useValue: new InMemoryInboxStoreForTests() },
    { provide: DELIVERY_LOG, useValue: new InMemoryDeliveryLogForTests() },
  ];

  it('builds the Notifier from the environment with the app-provided store and log', async () => {
    const smtp = new SmtpTestServer();
    await smtp.start();
    const moduleRef = await Test.createTestingModule({
      imports: [
        NotifyModule.forRoot({
          env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'duban@hbj.example.gov.cn' },
          providers: testProviders(),
        }),
      ],
    }).compile();
    try {
      const notifier = moduleRef.get(Notifier);
      expect(notifier.enabledChannels()).toEqual(['inbox', 'smtp']);
      expect(moduleRef.get(NOTIFY_CONFIG)).toMatchObject({ smtp: { port: smtp.port } });
      await expect(notifier.deliverVia('smtp', sampleNotification())).resolves.toMatchObject({ outcome: 'sent' });
      await expect(notifier.deliverVia('inbox', sampleNotification())).resolves.toMatchObject({ created: 3 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await moduleRef.close();
      await smtp.stop();
    }
  });

  it('stops the app at boot on invalid settings', () => {
    expect(() => NotifyModule.forRoot({ env: { SMTP_HOST: 'mail' }, providers: testProviders() })).toThrow(
      /SMTP_FROM is required/,
    );
  });
});
