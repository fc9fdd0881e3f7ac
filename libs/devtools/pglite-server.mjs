// The embedded PostgreSQL: PGlite behind the wire protocol, for running without a database server.
// Usage: node pglite-server.mjs <dataDir> <port> <maxConnections>
//
// pglite-socket serialises messages from all connections onto PGlite's one backend, keeping a
// connection's turn only while it is inside a transaction. Prisma's driver uses the extended
// protocol (Parse, Bind, Describe, Execute, then Sync) outside transactions too, so two connections'
// sequences interleaved and overwrote each other's unnamed statement ("bind message supplies 1
// parameters, but prepared statement requires 4"). Here a connection also keeps its turn from the
// first message of such a sequence until its Sync.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [dataDir, port, maxConnections] = process.argv.slice(2);
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);

const db = await PGlite.create(dataDir);
const server = new PGLiteSocketServer({ db, port: Number(port), host: '127.0.0.1', maxConnections: Number(maxConnections) });
const queue = server.queryQueue;
const midSequence = new Set();

queue.processQueue = async function processQueue() {
  if (this.processing || this.queue.length === 0) return;
  this.processing = true;
  while (this.queue.length > 0) {
    const owner = this.lastHandlerId;
    const keepTurn = owner !== null && (this.db.isInTransaction() || midSequence.has(owner));
    const index = keepTurn ? this.queue.findIndex((q) => q.handlerId === owner) : 0;
    // The connection holding the turn has sent nothing more yet: wait for it, serve no one else.
    if (index === -1) break;
    const [item] = this.queue.splice(index, 1);
    const type = item.message[0];
    if (EXTENDED.has(type)) midSequence.add(item.handlerId);
    else if (type === SYNC) midSequence.delete(item.handlerId);
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
    } catch (error) {
      midSequence.delete(item.handlerId);
      this.processing = false;
      item.reject(error);
      return;
    }
    this.lastHandlerId = item.handlerId;
    item.resolve(bytes);
  }
  this.processing = false;
};

const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
queue.clearQueueForHandler = (handlerId) => {
  // A connection that left mid-sequence must not keep the turn.
  midSequence.delete(handlerId);
  clearQueueForHandler(handlerId);
  if (queue.lastHandlerId === handlerId && !db.isInTransaction()) queue.lastHandlerId = null;
  void queue.processQueue();
};

await server.start();
console.log(`PGlite listening on 127.0.0.1:${server.port ?? port}`);

const stop = async () => {
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
