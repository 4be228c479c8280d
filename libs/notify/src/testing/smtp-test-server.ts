import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

/**
 * FOR UNIT TESTS ONLY: a real SMTP server (smtp-server) on 127.0.0.1 and a random port, keeping
 * what it receives. `rejectNext` makes the next MAIL FROM commands fail with the given reply code.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /** Reply codes for the next MAIL FROM commands, consumed one per attempt (e.g. [421]). */
  rejectNext: number[] = [];
  mailFromAttempts = 0;
  private server!: SMTPServer;
  port = 0;

  constructor(private readonly credentials?: { user: string; pass: string }) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      // Plain connection on loopback: no certificate to manage in tests.
      disabledCommands: this.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !this.credentials,
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.credentials?.user && auth.password === this.credentials?.pass)
          return callback(null, { user: auth.username });
        return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onMailFrom: (_address, _session, callback) => {
        this.mailFromAttempts++;
        const code = this.rejectNext.shift();
        if (code === undefined) return callback();
        return callback(Object.assign(new Error(`Try again later (test ${code})`), { responseCode: code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('latin1'),
            user: typeof session.user === 'string' ? session.user : undefined,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
