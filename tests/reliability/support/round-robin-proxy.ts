/**
 * A round-robin TCP proxy on loopback: each new connection goes to the next backend, so two
 * server processes answer behind one port, as behind a load balancer. It counts connections
 * per backend, so a test can see that both served.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface RoundRobinProxy {
  readonly origin: string;
  /** Connections handed to each backend, in the order given. */
  readonly connections: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backends: readonly { port: number }[]): Promise<RoundRobinProxy> {
  const connections = backends.map(() => 0);
  const sockets = new Set<Socket>();
  let next = 0;
  const server: Server = createServer((client) => {
    const index = next++ % backends.length;
    connections[index]! += 1;
    const upstream = connect(backends[index]!.port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
