import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedMessage {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when it arrived. */
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedMessage[];
  /** Webhook-ids that arrived while an earlier request with the same id was still being answered. */
  overlapping: string[];
  /** The status to answer a message with (200 unless changed); may wait first. */
  respond: (message: ReceivedMessage) => number | Promise<number>;
  close: () => Promise<void>;
}

/** A local receiver on a free loopback port that records every message it gets. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const inFlight = new Set<string>();
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    overlapping: [],
    respond: () => 200,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const header = (name: string) => String(request.headers[name] ?? '');
      const message: ReceivedMessage = {
        id: header('webhook-id'),
        timestamp: header('webhook-timestamp'),
        signature: header('webhook-signature'),
        body: Buffer.concat(chunks).toString('utf8'),
        headers: request.headers,
        receivedAt: performance.now(),
      };
      if (inFlight.has(message.id)) receiver.overlapping.push(message.id);
      inFlight.add(message.id);
      receiver.received.push(message);
      void Promise.resolve(receiver.respond(message)).then((status) => {
        inFlight.delete(message.id);
        response.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}
