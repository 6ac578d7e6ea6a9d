import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `app` on `host:port` (port 0: any free port). */
export function listen(app: Hono<any>, port = 0, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      // Longer than any client's idle keep-alive (undici: 4 s), so the server never closes a socket
      // a client is about to reuse (a request lost as "other side closed").
      Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
