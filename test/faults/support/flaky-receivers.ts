import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server and a WeCom-style robot webhook on loopback that refuse everything while
 * `failing` is true and accept afterwards, counting what they accepted per notification.
 */
export class FlakyReceivers {
  failing = true;
  /** Accepted e-mails per X-Duban-Dedup-Key. */
  readonly mails = new Map<string, number>();
  /** Accepted webhook posts per message content. */
  readonly posts = new Map<string, number>();
  refusedMails = 0;
  refusedPosts = 0;
  smtpPort = 0;
  webhookPort = 0;
  private smtp?: SMTPServer;
  private http?: Server;

  async start(): Promise<void> {
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.failing) {
            this.refusedMails++;
            const error = new Error('mailbox busy, try later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          const text = Buffer.concat(chunks).toString('utf8');
          const key = /^X-Duban-Dedup-Key:\s*(.+)$/im.exec(text)?.[1].trim() ?? '(none)';
          this.mails.set(key, (this.mails.get(key) ?? 0) + 1);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.smtp!.listen(0, '127.0.0.1', () => resolve()));
    this.smtpPort = (this.smtp.server.address() as AddressInfo).port;
    this.http = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.failing) {
          this.refusedPosts++;
          res.writeHead(502).end('bad gateway');
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { markdown?: { content?: string } };
        const content = body.markdown?.content ?? '(none)';
        this.posts.set(content, (this.posts.get(content) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((resolve) => this.http!.listen(0, '127.0.0.1', () => resolve()));
    this.webhookPort = (this.http.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
  }
}
