import { Request } from 'express';
import { RequestOrigin } from './auth.service';

/**
 * Client address and request id of a request. Behind a reverse proxy the app must set
 * `trust proxy`, otherwise every client shares the proxy's address (and its login window).
 */
export function requestOrigin(req: Request): RequestOrigin {
  const requestId = req.header('x-request-id');
  return { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', requestId: requestId || null };
}
