import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RobotRequest {
  method: string;
  /** Path and raw (still URL-encoded) query, as the client sent it. */
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** What the fake answers: an HTTP status and JSON body, or 'hang' (never answers). */
export type RobotReply = { status: number; json: unknown } | 'hang';

/**
 * FOR UNIT TESTS ONLY: an HTTP server on 127.0.0.1 standing in for a WeCom or DingTalk robot.
 * `respond` decides each answer (it may verify the request like the real robot does).
 */
export class FakeRobotServer {
  readonly requests: RobotRequest[] = [];
  private server!: Server;
  port = 0;

  constructor(public respond: (req: RobotRequest) => RobotReply) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text; respond() can reject it
      }
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      this.requests.push(request);
      const reply = this.respond(request);
      if (reply === 'hang') return; // keep the socket open without answering
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply.json));
    });
  }

  async stop(): Promise<void> {
    // Hanging requests keep sockets open; cut them so close() can finish.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
