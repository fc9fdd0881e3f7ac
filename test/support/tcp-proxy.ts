import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP hop between the product and one of its servers (PostgreSQL, Temporal) that a test can cut
 * as a network partition would: open connections drop, and new ones are accepted but never answered,
 * so the product has to give up on its own deadlines rather than on a quick "connection refused".
 */
export class TcpProxy {
  private readonly open = new Set<Socket>();
  private cutOff = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');
    proxy = new TcpProxy(server, address.port);
    return proxy;
  }

  /** `url` (postgresql://… or host:port) with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    if (!url.includes('://')) return `127.0.0.1:${this.port}`;
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  cut(): void {
    this.cutOff = true;
    this.dropAll();
  }

  restore(): void {
    this.cutOff = false;
    // Connections accepted while cut were never answered; their clients retry on fresh ones.
    this.dropAll();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    this.track(client);
    if (this.cutOff) return;
    const upstream = connect(target.port, target.host);
    this.track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private track(socket: Socket): void {
    this.open.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.open.delete(socket));
  }

  private dropAll(): void {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }
}
